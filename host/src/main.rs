use clap::Parser;

/// mimalloc, not glibc's malloc: a message's memory is allocated on one
/// thread and freed on another (tokio's workers, the wasm turns, sqlx's
/// SQLite workers), which glibc serves slowly (BENCHMARKS.md, issue 16).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = agent_store::cli::Cli::parse();
    match agent_store::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
