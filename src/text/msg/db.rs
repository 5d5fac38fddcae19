//! GLPI's database (`--glpi-db`, [`crate::source::glpi_db`]): the URL,
//! the login, the connection and the reads. A URL in these messages is
//! always the masked one.

crate::catalog! {
    /// A `--glpi-db` URL that does not parse; `why` names the part.
    BAD_URL = (
        "--glpi-db {url}: URL no válida ({why}); use mysql://USUARIO@SERVIDOR[:PUERTO]/BASE[?ssl-mode=required]",
        "--glpi-db {url}: invalid URL ({why}); use mysql://USER@HOST[:PORT]/DATABASE[?ssl-mode=required]"
    );
    /// A password written in the URL.
    PASSWORD_IN_URL = (
        "--glpi-db {url}: no escriba la contraseña en la URL (queda en crontab, historial y registros); póngala en la variable {var} o en ~/.my.cnf ([client] password = ...)",
        "--glpi-db {url}: do not put the password in the URL (it ends up in crontabs, shell history and logs); set it in {var} or in ~/.my.cnf ([client] password = ...)"
    );
    /// The server cannot be reached.
    CONNECT = (
        "no se pudo conectar a la base de datos de GLPI en {place} ({url}): {detail}; revise servidor, puerto y red",
        "cannot connect to GLPI's database at {place} ({url}): {detail}; check host, port and network"
    );
    /// The server refused the login (error 1045, 1044, 1698).
    LOGIN = (
        "el servidor {place} rechazó el ingreso ({url}): {detail}; revise el usuario y la contraseña ({var} o ~/.my.cnf)",
        "the server at {place} refused the login ({url}): {detail}; check the user and the password ({var} or ~/.my.cnf)"
    );
    /// The database does not exist (error 1049).
    UNKNOWN_DATABASE = (
        "la base de datos {database} no existe en {place} ({url}): {detail}; revise el nombre al final de la URL",
        "database {database} does not exist at {place} ({url}): {detail}; check the name at the end of the URL"
    );
    /// The user may not open the database (error 1044): it does not
    /// exist, or there is no grant on it (the server does not say which).
    NO_DATABASE = (
        "el usuario no puede abrir la base de datos {database} en {place} ({url}): {detail}; o no existe (revise el nombre al final de la URL) o el usuario no tiene permiso (GRANT SELECT ON {database}.* ...)",
        "the user cannot open database {database} at {place} ({url}): {detail}; either it does not exist (check the name at the end of the URL) or the user has no grant on it (GRANT SELECT ON {database}.* ...)"
    );
    /// TLS was asked for and could not be set up.
    TLS = (
        "no se pudo cifrar la conexión con {place} ({url}, TLS): {detail}; con verify_ca o verify_identity, indique en ssl-ca=ARCHIVO.pem la autoridad que firmó el certificado del servidor",
        "cannot encrypt the connection to {place} ({url}, TLS): {detail}; with verify_ca or verify_identity, name in ssl-ca=FILE.pem the authority that signed the server's certificate"
    );
    /// Another server error while connecting.
    SERVER = (
        "el servidor {place} respondió con un error ({url}): {detail}",
        "the server at {place} answered with an error ({url}): {detail}"
    );
    /// A table plazo reads is not in the database (or not readable).
    MISSING_TABLE = (
        "la tabla {table} no está en la base de datos {database} de {place} ({url}), o el usuario no puede leerla; ¿es la base de datos de GLPI? Permiso mínimo: GRANT SELECT ON {database}.{table} TO usuario",
        "table {table} is not in database {database} at {place} ({url}), or the user cannot read it; is this GLPI's database? Minimal grant: GRANT SELECT ON {database}.{table} TO user"
    );
    /// A column plazo needs is not in a table.
    MISSING_COLUMN = (
        "la tabla {table} de {database} no tiene la columna {column}; plazo lee GLPI 9.5, 10 y 11 (docs/INGEST.md)",
        "table {table} of {database} has no column {column}; plazo reads GLPI 9.5, 10 and 11 (docs/INGEST.md)"
    );
    /// The server failed or went away during a read.
    READ = (
        "la lectura de {table} desde {place} ({url}) falló después de {rows} filas: {detail}; no se escribió ningún archivo, vuelva a ejecutar",
        "reading {table} from {place} ({url}) failed after {rows} rows: {detail}; no file was written, run again"
    );
    /// `--glpi-entity` names an entity that is not in glpi_entities.
    UNKNOWN_ENTITY = (
        "--glpi-entity {id}: no existe en glpi_entities de {database} (entidades: {known})",
        "--glpi-entity {id}: not in glpi_entities of {database} (entities: {known})"
    );
    /// A `0000-00-00` date or an impossible date value in a cell.
    BAD_DATE = (
        "{table} fila id {id}: {column} = {value} no es una fecha válida",
        "{table} row id {id}: {column} = {value} is not a valid date"
    );
    /// `ingest --glpi-db`: one line per table read.
    TABLE_READ = (
        "{table}: {rows} filas leídas del servidor en {seconds} s ({rate} filas/s)",
        "{table}: {rows} rows read from the server in {seconds} s ({rate} rows/s)"
    );
}
