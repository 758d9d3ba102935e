use clap::Parser;

fn main() -> std::process::ExitCode {
    // Before any thread allocates: the runtime's threads share the capped
    // arenas (`allocator`).
    agent_store::allocator::cap_arenas();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: starting the runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let cli = agent_store::cli::Cli::parse();
    match runtime.block_on(agent_store::cli::run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
