//! `agent-store users ...`: console accounts, straight in the database.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context as _, bail};
use clap::Subcommand;

use crate::config::Config;
use crate::db::Db;
use crate::sales::{Role, Scope, Users};

/// Where `users add` reads the password when stdin is not used.
pub const PASSWORD_ENV: &str = "AGENT_STORE_USER_PASSWORD";

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Create a console account, or replace its password, role and brands.
    /// The password comes from AGENT_STORE_USER_PASSWORD or the first line
    /// of standard input.
    Add {
        name: String,
        /// admin (every brand, user management) or rep.
        #[arg(long, default_value = "rep")]
        role: String,
        /// The rep's brands, comma-separated (`*` = every brand).
        #[arg(long, default_value = "")]
        brands: String,
    },
    /// List the console accounts.
    List,
}

fn read_password(from_env: Option<String>) -> anyhow::Result<String> {
    if let Some(p) = from_env
        && !p.is_empty()
    {
        return Ok(p);
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("password: ");
        std::io::stderr().flush()?;
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    let p = line.trim_end_matches(['\r', '\n']).to_string();
    if p.is_empty() {
        bail!("no password: set {PASSWORD_ENV} or pipe it on standard input");
    }
    Ok(p)
}

pub async fn run(config: &Config, command: UsersCommand) -> anyhow::Result<()> {
    run_with(config, command, std::env::var(PASSWORD_ENV).ok()).await
}

/// [`run`] with `AGENT_STORE_USER_PASSWORD`'s value passed in: tests give
/// it here, since changing the process environment while other test
/// threads run is undefined behaviour.
pub async fn run_with(
    config: &Config,
    command: UsersCommand,
    password_env: Option<String>,
) -> anyhow::Result<()> {
    let db = Db::open(&config.database, &config.data_dir).await?;
    let users = Users::new(db);
    match command {
        UsersCommand::Add { name, role, brands } => {
            let role = Role::parse(&role)
                .with_context(|| format!("--role {role}: expected admin or rep"))?;
            let scope = if role == Role::Admin {
                Scope::All
            } else {
                Scope::parse(&brands)
            };
            let password = read_password(password_env)?;
            users.upsert(&name, &password, role, &scope).await?;
            println!("saved {name} ({}, brands {})", role.as_str(), scope.to_db());
        }
        UsersCommand::List => {
            for u in users.list().await? {
                println!("{:<24} {:<6} {}", u.name, u.role.as_str(), u.scope.to_db());
            }
        }
    }
    Ok(())
}
