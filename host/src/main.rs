use clap::Parser;

/// The host's allocator ([`agent_store::Allocator`]).
#[global_allocator]
static ALLOCATOR: agent_store::Allocator = agent_store::Allocator {};

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
