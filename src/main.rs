//! The `plazo` command line: a thin layer over the `plazo` library.
//!
//! Exit codes: 0 success, 1 failure, 2 bad usage or input. Errors are
//! printed once, on stderr, with a `plazo: ` prefix, in the language of
//! `--lang`. A closed stdout (`plazo ... | head`) is not an error.

mod cmd;

use std::process::ExitCode;

use clap::Parser;
use plazo::text::lang::Lang;

fn main() -> ExitCode {
    ignore_file_size_signal();
    let cli = cmd::Cli::parse();
    let lang = cli.global.lang;
    match cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("plazo: {}", message(&err, lang));
            ExitCode::from(exit_code(&err))
        }
    }
}

/// A write over the file-size limit (`ulimit -f`) sends SIGXFSZ, whose
/// default action kills the process without a word. Ignored, the write
/// fails with EFBIG instead, and plazo reports it naming the file, exits
/// 1 and leaves no partial file (docs/ROBUSTNESS.md).
fn ignore_file_size_signal() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to SIG_IGN, before any
    // thread is started, installs no handler code.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// The error chain, outermost first, joined with `: ` (as anyhow's
/// `{:#}` does), each plazo error in `lang`.
fn message(err: &anyhow::Error, lang: Lang) -> String {
    err.chain()
        .map(|e| match e.downcast_ref::<plazo::Error>() {
            Some(p) => p.message(lang).to_string(),
            None => e.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}

fn exit_code(err: &anyhow::Error) -> u8 {
    err.chain()
        .find_map(|e| e.downcast_ref::<plazo::Error>())
        .map_or(1, plazo::Error::exit_code)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use plazo::text::lang::Lang;

    #[test]
    fn message_renders_the_chain_in_the_given_language() {
        let inner = plazo::Error::input("sin zona", "no zone");
        let err = anyhow::Error::from(inner).context("p.toml");
        assert_eq!(super::message(&err, Lang::En), "p.toml: no zone");
        assert_eq!(super::message(&err, Lang::Es), "p.toml: sin zona");
        assert_eq!(super::exit_code(&err), 2);
    }
}
