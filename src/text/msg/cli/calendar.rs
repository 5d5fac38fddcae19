//! `plazo calendar`: the holidays table, and the arguments and pairs
//! files of its subcommands.

crate::catalog! {
    /// `--year` out of range.
    BAD_YEAR = (
        "--year {year}: use un año entre 1900 y 2199",
        "--year {year}: use a year between 1900 and 2199"
    );
    /// `--years` is not a range; `{value}` is quoted.
    BAD_YEARS = (
        "--years {value}: escriba AAAA-AAAA, p. ej. 2025-2027",
        "--years {value}: write YYYY-YYYY, e.g. 2025-2027"
    );
    /// The holidays table's date column.
    COL_DATE = ("fecha", "date");
    /// The holidays table's weekday column.
    COL_DAY = ("día", "day");
    /// The holidays table's name column.
    COL_HOLIDAY = ("festivo", "holiday");
    /// The holidays table's last line.
    CLOSED_DAYS = ("{n} días cerrados", "{n} closed days");
    /// Monday.
    MONDAY = ("lunes", "Monday");
    /// Tuesday.
    TUESDAY = ("martes", "Tuesday");
    /// Wednesday.
    WEDNESDAY = ("miércoles", "Wednesday");
    /// Thursday.
    THURSDAY = ("jueves", "Thursday");
    /// Friday.
    FRIDAY = ("viernes", "Friday");
    /// Saturday.
    SATURDAY = ("sábado", "Saturday");
    /// Sunday.
    SUNDAY = ("domingo", "Sunday");
    /// A `--pairs` file without a needed column; `{column}` is quoted.
    PAIRS_NO_COLUMN = (
        "{file}: falta la columna {column}; el archivo necesita las columnas start,end",
        "{file}: missing column {column}; the file needs columns start,end"
    );
    /// The place of an unreadable instant in a `--pairs` file. The word
    /// `column` is English in the Spanish output too (as it always was:
    /// kept byte for byte by the redesign; translating it is a change of
    /// output for later).
    PAIRS_CELL = same("{file}:{line}: column {column}");
}
