//! What went wrong with GLPI's database, in words the user can act on:
//! the server, the login, the database, TLS, a table, a read cut short.
//! The URL in every message is the masked one.

use crate::error::{Error, ErrorKind};
use crate::text::msg::db as msg;

use super::{PASSWORD_VAR, SslMode, Target};

/// A connection error, named after what the user can fix.
pub(super) fn connect_error(t: &Target, e: &mysql::Error) -> Error {
    let detail = detail(e);
    let base: [(&str, &dyn std::fmt::Display); 5] = [
        ("place", &t.place()),
        ("url", &t.masked()),
        ("detail", &detail),
        ("var", &PASSWORD_VAR),
        ("database", &t.database),
    ];
    let m = match e {
        mysql::Error::MySqlError(m) => match m.code {
            1045 | 1698 => msg::LOGIN,
            1044 => msg::NO_DATABASE,
            1049 => msg::UNKNOWN_DATABASE,
            _ => msg::SERVER,
        },
        mysql::Error::TlsError(_) => msg::TLS,
        // rustls reports a refused certificate as an I/O error of the
        // handshake.
        mysql::Error::IoError(_) | mysql::Error::CodecError(_)
            if t.ssl != SslMode::Disabled
                && detail.contains("certificate") =>
        {
            msg::TLS
        }
        mysql::Error::DriverError(mysql::DriverError::TlsNotSupported) => {
            msg::TLS
        }
        _ => msg::CONNECT,
    };
    Error::from_msg(ErrorKind::Failure, m, &base)
}

/// A failed read: a table the user cannot see (missing, or no grant)
/// or a server that failed or went away after `rows` rows.
pub(super) fn read_error(
    t: &Target,
    table: &str,
    rows: u64,
    e: &mysql::Error,
) -> Error {
    let place = t.place();
    let url = t.masked();
    if let mysql::Error::MySqlError(m) = e
        && matches!(m.code, 1142 | 1146)
    {
        return Error::failure_msg(
            msg::MISSING_TABLE,
            &[
                ("table", &table),
                ("database", &t.database),
                ("place", &place),
                ("url", &url),
            ],
        );
    }
    Error::failure_msg(
        msg::READ,
        &[
            ("table", &table),
            ("place", &place),
            ("url", &url),
            ("rows", &rows),
            ("detail", &detail(e)),
        ],
    )
}

/// The driver's or server's own words, without the debug wrapping.
fn detail(e: &mysql::Error) -> String {
    match e {
        mysql::Error::MySqlError(m) => {
            format!("ERROR {} ({}): {}", m.code, m.state, m.message)
        }
        mysql::Error::DriverError(d) => d.to_string(),
        mysql::Error::IoError(io) => io.to_string(),
        mysql::Error::CodecError(c) => c.to_string(),
        other => other.to_string(),
    }
    .trim()
    .to_string()
}
