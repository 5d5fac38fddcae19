//! `--glpi-db URL`: where GLPI's database is and how to log in, with the
//! password kept out of the URL, the logs and the outputs.
//!
//! ```text
//! mysql://USER@HOST[:PORT]/DATABASE[?ssl-mode=MODE&ssl-ca=FILE&socket=PATH]
//! ```
//!
//! The password is never part of the URL: a URL that carries one is
//! refused (exit 2), since a command line ends up in crontabs, shell
//! histories, `ps` and logs. It is read from the environment variable
//! `PLAZO_DB_PASSWORD`, else from the `[client]` group of the MySQL
//! client's option file (`~/.my.cnf`, `password = ...`), else none is sent
//! (a socket login, `unix_socket` authentication).

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::text::msg::db as msg;

/// The environment variable that holds the database password.
pub const PASSWORD_VAR: &str = "PLAZO_DB_PASSWORD";

/// TLS on the connection (`?ssl-mode=`), as the MySQL client names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    /// No TLS (`disabled`, and `preferred`, the default: plazo does not
    /// fall back silently, so "preferred" means plain).
    Disabled,
    /// Encrypted, the server's certificate not checked (`required`).
    Required,
    /// Encrypted, the certificate checked against `ssl-ca` (or the
    /// public roots), the host name not (`verify_ca`).
    VerifyCa,
    /// Encrypted, certificate and host name checked (`verify_identity`).
    VerifyIdentity,
}

/// A parsed `--glpi-db` URL: everything but the password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The user (`plazo_ro`); empty when the URL names none.
    pub user: String,
    /// Host name or address.
    pub host: String,
    /// TCP port (default 3306).
    pub port: u16,
    /// The database (GLPI's schema).
    pub database: String,
    /// `?socket=/run/mysqld/mysqld.sock`: connect through a Unix socket.
    pub socket: Option<PathBuf>,
    /// `?ssl-mode=`.
    pub ssl: SslMode,
    /// `?ssl-ca=FILE`: the certificate authority (PEM) for `verify_*`.
    pub ssl_ca: Option<PathBuf>,
}

impl Target {
    /// Parses `url`.
    ///
    /// # Errors
    ///
    /// An input error (exit 2) naming what is wrong and the form to use:
    /// another scheme, no host or database, a password in the URL, an
    /// unknown parameter or `ssl-mode`.
    ///
    /// # Example
    ///
    /// ```
    /// use plazo::source::glpi_db::Target;
    /// let t = Target::parse("mysql://plazo_ro@db.example:3307/glpi?ssl-mode=required").unwrap();
    /// assert_eq!((t.host.as_str(), t.port, t.database.as_str()), ("db.example", 3307, "glpi"));
    /// assert_eq!(t.masked(), "mysql://plazo_ro@db.example:3307/glpi?ssl-mode=required");
    /// assert!(Target::parse("mysql://plazo_ro:secret@db/glpi").is_err());
    /// ```
    pub fn parse(url: &str) -> Result<Target> {
        let bad = |why: &str| {
            Error::input_msg(
                msg::BAD_URL,
                &[("url", &mask_any(url)), ("why", &why)],
            )
        };
        let rest = ["mysql://", "mariadb://"]
            .iter()
            .find_map(|s| url.trim().strip_prefix(s))
            .ok_or_else(|| bad("scheme"))?;
        let (main, query) = rest.split_once('?').unwrap_or((rest, ""));
        // The authority ends at the first `/`: an `@` after it belongs to
        // the database name.
        let (authority, database) =
            main.split_once('/').ok_or_else(|| bad("database"))?;
        let (auth, hostport) =
            authority.rsplit_once('@').unwrap_or(("", authority));
        if auth.contains(':') {
            return Err(Error::input_msg(
                msg::PASSWORD_IN_URL,
                &[("url", &mask_any(url)), ("var", &PASSWORD_VAR)],
            ));
        }
        if database.is_empty() || database.contains('/') {
            return Err(bad("database"));
        }
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) => (h, p.parse().map_err(|_| bad("port"))?),
            None => (hostport, 3306),
        };
        if host.is_empty() {
            return Err(bad("host"));
        }
        let mut t = Target {
            user: decode(auth),
            host: host.to_string(),
            port,
            database: decode(database),
            socket: None,
            ssl: SslMode::Disabled,
            ssl_ca: None,
        };
        for kv in query.split('&').filter(|s| !s.is_empty()) {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            match k.replace('_', "-").to_ascii_lowercase().as_str() {
                "ssl-mode" | "sslmode" => {
                    t.ssl =
                        match v.to_ascii_lowercase().replace('-', "_").as_str()
                        {
                            "disabled" | "preferred" => SslMode::Disabled,
                            "required" => SslMode::Required,
                            "verify_ca" => SslMode::VerifyCa,
                            "verify_identity" => SslMode::VerifyIdentity,
                            _ => return Err(bad("ssl-mode")),
                        }
                }
                "ssl-ca" => t.ssl_ca = Some(PathBuf::from(decode(v))),
                "socket" => t.socket = Some(PathBuf::from(decode(v))),
                _ => return Err(bad(k)),
            }
        }
        Ok(t)
    }

    /// The URL as printed in logs, errors and the workbook: never a
    /// password (none can be in it), parameters kept.
    pub fn masked(&self) -> String {
        let mut s = format!("mysql://{}@{}", self.user, self.host);
        if self.port != 3306 {
            s.push_str(&format!(":{}", self.port));
        }
        s.push('/');
        s.push_str(&self.database);
        let mut q = Vec::new();
        match self.ssl {
            SslMode::Disabled => {}
            SslMode::Required => q.push("ssl-mode=required".to_string()),
            SslMode::VerifyCa => q.push("ssl-mode=verify_ca".to_string()),
            SslMode::VerifyIdentity => {
                q.push("ssl-mode=verify_identity".to_string());
            }
        }
        if let Some(c) = &self.ssl_ca {
            q.push(format!("ssl-ca={}", c.display()));
        }
        if let Some(p) = &self.socket {
            q.push(format!("socket={}", p.display()));
        }
        if !q.is_empty() {
            s.push('?');
            s.push_str(&q.join("&"));
        }
        s
    }

    /// `host:port` (or the socket) for connection errors.
    pub fn place(&self) -> String {
        match &self.socket {
            Some(p) => format!("{} ({})", self.host, p.display()),
            None => format!("{}:{}", self.host, self.port),
        }
    }
}

/// `url` as printed in a message about it: a password in it replaced by
/// `***`.
fn mask_any(url: &str) -> String {
    masked_password(url).unwrap_or_else(|| url.to_string())
}

/// `Some(url with the password as ***)` when the URL's user part holds a
/// password (`mysql://user:secret@host/db`), else `None`.
///
/// ```
/// use plazo::source::glpi_db::masked_password;
/// assert_eq!(masked_password("mysql://u:s3cr3t@h:3306/glpi").as_deref(),
///            Some("mysql://u:***@h:3306/glpi"));
/// assert_eq!(masked_password("mysql://u@h/d@b"), None); // `@` in the database
/// assert_eq!(masked_password("mysql://h/glpi"), None);
/// ```
pub fn masked_password(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = &rest[..rest.find('/').unwrap_or(rest.len())];
    let at = authority.rfind('@')?;
    let colon = authority[..at].find(':')?;
    Some(format!("{scheme}://{}:***{}", &rest[..colon], &rest[at..]))
}

/// Percent-decoding of a URL part (`%40` -> `@`).
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The password: `PLAZO_DB_PASSWORD`, else `password` in the `[client]`
/// group of `~/.my.cnf`, else none. Never printed.
///
/// # Errors
///
/// An unreadable option file (other than a missing one).
pub fn password() -> Result<Option<String>> {
    if let Some(v) = std::env::var_os(PASSWORD_VAR) {
        return Ok(Some(v.to_string_lossy().into_owned()));
    }
    let Some(home) = std::env::var_os("HOME") else {
        return Ok(None);
    };
    let path = PathBuf::from(home).join(".my.cnf");
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(option_file_password(&text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(&path, &e)),
    }
}

/// `password` in the `[client]` group of a MySQL option file: `key =
/// value` or `key=value`, optionally quoted, `#` and `;` comments.
///
/// ```
/// use plazo::source::glpi_db::option_file_password;
/// let f = "[mysqld]\npassword = no\n[client]\nuser = plazo_ro\npassword = \"s3 cr#t\"  # here\n";
/// assert_eq!(option_file_password(f).as_deref(), Some("s3 cr#t"));
/// assert_eq!(option_file_password("[client]\nuser=x\n"), None);
/// ```
pub fn option_file_password(text: &str) -> Option<String> {
    let mut group = String::new();
    let mut found = None;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.starts_with(';') || line.is_empty() {
            continue;
        }
        if let Some(g) =
            line.strip_prefix('[').and_then(|l| l.strip_suffix(']'))
        {
            group = g.trim().to_ascii_lowercase();
            continue;
        }
        if group != "client" {
            continue;
        }
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        if k.trim() != "password" {
            continue;
        }
        let v = v.trim();
        let v = match v.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = &v[1..];
                inner.find(q).map_or(inner, |e| &inner[..e])
            }
            _ => v.split(['#', ';']).next().unwrap_or("").trim(),
        };
        found = Some(v.to_string());
    }
    found
}
