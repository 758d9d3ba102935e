use clap::Parser;

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
