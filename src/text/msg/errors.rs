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
    /// A write went over the file-size limit of the process (`ulimit
    /// -f`, RLIMIT_FSIZE).
    IO_TOO_LARGE = (
        "{path} superó el tamaño máximo de archivo permitido a plazo (límite `ulimit -f` del usuario o del servicio): amplíe el límite o escriba en otra carpeta; no quedó ningún archivo a medias ({os})",
        "{path} went over the largest file plazo may write (the user's or the service's `ulimit -f` limit): raise the limit or write elsewhere; no partial file was left ({os})"
    );
    /// A part of the path that should be a folder is a file.
    IO_NOT_A_DIR = (
        "no se puede crear ni escribir {path}: una parte de la ruta es un archivo, no una carpeta; corrija la ruta ({os})",
        "cannot create or write {path}: a part of the path is a file, not a folder; correct the path ({os})"
    );
    /// An input file changed (was rewritten, truncated or replaced)
    /// between the moment plazo opened it and the end of the run.
    INPUT_CHANGED = (
        "{path} cambió mientras plazo lo leía ({what}): no se escribió ningún resultado; vuelva a ejecutar cuando la exportación haya terminado de escribirse",
        "{path} changed while plazo was reading it ({what}): no output was written; run again once the export has been written completely"
    );
    /// INPUT_CHANGED's detail: the size changed.
    CHANGED_SIZE = (
        "tenía {before} bytes y ahora tiene {now}",
        "it had {before} bytes and now has {now}"
    );
    /// INPUT_CHANGED's detail: same size, new modification time or file.
    CHANGED_STAMP = (
        "su fecha de modificación o el archivo mismo cambiaron",
        "its modification time or the file itself changed"
    );
    /// INPUT_CHANGED's detail: the file is gone.
    CHANGED_GONE = (
        "ya no existe",
        "it no longer exists"
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
