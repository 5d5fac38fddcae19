//! The `plazo` command line: a thin layer over the `plazo` library.
//!
//! Exit codes: 0 success, 1 failure, 2 bad usage or input. Errors are
//! printed once, on stderr, with a `plazo: ` prefix. A closed stdout
//! (`plazo ... | head`) is not an error.

mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    plazo::text::lang::set(cli.global.lang);
    match cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("plazo: {err:#}");
            ExitCode::from(exit_code(&err))
        }
    }
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
