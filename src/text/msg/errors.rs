//! Errors that wrap what the layers below say: the operating system's
//! file errors (whose own text is English and stays in parentheses) and
//! the TOML reader's.

crate::catalog! {
    /// A file or folder named on the command line or in a policy is
    /// missing.
    IO_NOT_FOUND = (
        "no existe el archivo o la carpeta {path}: revise la ruta (relativa a la carpeta desde donde se ejecuta plazo) ({os})",
        "no such file or folder {path}: check the path (relative to the folder plazo runs in) ({os})"
    );
    /// The user running plazo may not read or write the path.
    IO_DENIED = (
        "sin permiso para leer o escribir {path}: dé permiso al usuario que ejecuta plazo, o use otra ruta ({os})",
        "permission denied on {path}: give the user running plazo access, or use another path ({os})"
    );
    /// The disk is full.
    IO_FULL = (
        "el disco se llenó al escribir {path}: libere espacio o escriba en otra carpeta; no quedó ningún archivo a medias ({os})",
        "the disk filled up while writing {path}: free some space or write to another folder; no partial file was left ({os})"
    );
    /// The output folder is on a read-only file system.
    IO_READ_ONLY = (
        "{path} está en un sistema de archivos de solo lectura: escriba en otra carpeta ({os})",
        "{path} is on a read-only file system: write to another folder ({os})"
    );
    /// A folder was given where a file was expected.
    IO_IS_DIR = (
        "{path} es una carpeta y se esperaba un archivo: nombre el archivo dentro de ella ({os})",
        "{path} is a folder where a file was expected: name the file inside it ({os})"
    );
    /// Any other I/O failure.
    IO_OTHER = (
        "no se pudo leer o escribir {path}: {os}",
        "could not read or write {path}: {os}"
    );
    /// The TOML reader refused a file (bad syntax, a missing or unknown
    /// key, a value of the wrong type): its own text follows, in English,
    /// with the line and column.
    TOML_SYNTAX = (
        "{file}: el lector de TOML no aceptó el archivo; corrija lo que indica (en inglés): {detail}",
        "{file}: the TOML reader did not accept the file; fix what it says: {detail}"
    );
}
