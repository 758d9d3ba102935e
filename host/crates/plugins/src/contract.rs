//! Which version of the `agent-store:plugin` contract a component was
//! built against, read from the versioned interface names it imports.
//!
//! The host serves 0.2.0 natively and 0.1.0 through [`super::v0_1`];
//! anything else is refused at load with a message naming both sides.

use wasmtime::Engine;
use wasmtime::component::Component;

use super::WIT_PACKAGE;
use super::manifest::semver_triplet;

/// A contract version this host serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Contract {
    /// `agent-store:plugin@0.1.x`, through the adapter.
    #[serde(rename = "0.1.0")]
    V0_1,
    /// `agent-store:plugin@0.2.x`, the current one.
    #[serde(rename = "0.2.0")]
    V0_2,
}

impl Contract {
    /// The newest: what the SDK builds against.
    pub const CURRENT: Contract = Contract::V0_2;

    /// The package version, e.g. `0.2.0`.
    pub fn as_str(self) -> &'static str {
        match self {
            Contract::V0_1 => super::v0_1::VERSION,
            Contract::V0_2 => super::WIT_VERSION,
        }
    }

    fn of(version: &str) -> Option<Contract> {
        match semver_triplet(version)? {
            (0, 1, _) => Some(Contract::V0_1),
            (0, 2, _) => Some(Contract::V0_2),
            _ => None,
        }
    }
}

impl std::fmt::Display for Contract {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every contract version this host serves, for messages.
pub fn supported() -> String {
    format!(
        "{WIT_PACKAGE}@{} and @{}",
        Contract::V0_2.as_str(),
        Contract::V0_1.as_str()
    )
}

/// The contract `component` was built against. A component that names no
/// `agent-store:plugin` interface at all is taken as the current version
/// (linking then says what it lacks).
pub fn detect(engine: &Engine, component: &Component) -> Result<Contract, String> {
    let ty = component.component_type();
    let names = ty
        .imports(engine)
        .map(|(n, _)| n.to_string())
        .chain(ty.exports(engine).map(|(n, _)| n.to_string()));
    detect_names(names)
}

fn detect_names(names: impl IntoIterator<Item = String>) -> Result<Contract, String> {
    let mut found: Option<(Contract, String)> = None;
    for name in names {
        let Some(rest) = name.strip_prefix(WIT_PACKAGE) else {
            continue;
        };
        let Some((_, version)) = rest.split_once('@') else {
            continue;
        };
        let Some(contract) = Contract::of(version) else {
            return Err(format!(
                "built against {WIT_PACKAGE}@{version} ({name}); this host serves {}",
                supported()
            ));
        };
        match &found {
            Some((seen, first)) if *seen != contract => {
                return Err(format!(
                    "mixes contract versions ({first} and {name}); this host serves {}",
                    supported()
                ));
            }
            Some(_) => {}
            None => found = Some((contract, name)),
        }
    }
    Ok(found.map_or(Contract::CURRENT, |(c, _)| c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn versions_are_read_from_interface_names() {
        let v1 = detect_names(names(&[
            "wasi:cli/environment@0.2.3",
            "agent-store:plugin/types@0.1.0",
            "agent-store:plugin/catalog@0.1.0",
        ]));
        assert_eq!(v1, Ok(Contract::V0_1));
        let v2 = detect_names(names(&[
            "agent-store:plugin/types@0.2.0",
            "agent-store:plugin/routing@0.2.1",
        ]));
        assert_eq!(v2, Ok(Contract::V0_2));
        assert_eq!(
            detect_names(names(&["wasi:io/poll@0.2.0"])),
            Ok(Contract::V0_2)
        );
    }

    #[test]
    fn unknown_and_mixed_versions_are_refused_with_a_reason() {
        let e = detect_names(names(&["agent-store:plugin/types@0.3.0"])).unwrap_err();
        assert!(
            e.contains("@0.3.0") && e.contains("0.2.0") && e.contains("0.1.0"),
            "{e}"
        );
        let e = detect_names(names(&["agent-store:plugin/types@1.0.0"])).unwrap_err();
        assert!(e.contains("@1.0.0"), "{e}");
        let e = detect_names(names(&[
            "agent-store:plugin/types@0.1.0",
            "agent-store:plugin/catalog@0.2.0",
        ]))
        .unwrap_err();
        assert!(e.contains("mixes"), "{e}");
    }
}
