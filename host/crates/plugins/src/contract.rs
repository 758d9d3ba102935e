//! Which version of the `agent-store:plugin` contract a component was
//! built against, read from the versioned interface names it imports.
//!
//! The host serves 0.2.x natively (0.2.1's linker serves 0.2.0 as well:
//! patch releases only add) and 0.1.0 through [`super::v0_1`];
//! anything else, a newer 0.2 patch included, is refused at load with a
//! message naming both sides.

use wasmtime::Engine;
use wasmtime::component::Component;

use super::WIT_PACKAGE;
use super::manifest::semver_triplet;

/// A contract version this host serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contract {
    /// `agent-store:plugin@0.1.x`, through the adapter.
    V0_1,
    /// `agent-store:plugin@0.2.x`, linked directly: a patch release only
    /// adds, so one linker of the newest serves every patch level. `patch`
    /// is the level the component was built against (shown to operators).
    V0_2 { patch: u64 },
}

impl Contract {
    /// The newest: what the SDK builds against.
    pub const CURRENT: Contract = Contract::V0_2 {
        patch: super::WIT_PATCH,
    };

    /// The package version the component was built against, e.g. `0.2.1`.
    pub fn version(self) -> String {
        match self {
            Contract::V0_1 => super::v0_1::VERSION.to_owned(),
            Contract::V0_2 { patch } => format!("0.2.{patch}"),
        }
    }

    /// Same major and minor: served by the same linker.
    fn same_line(self, other: Contract) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }

    fn of(version: &str) -> Option<Contract> {
        match semver_triplet(version)? {
            (0, 1, _) => Some(Contract::V0_1),
            // A newer patch level imports what this host's linker lacks:
            // refused here, with both versions named, not by the linker.
            (0, 2, patch) if patch <= super::WIT_PATCH => Some(Contract::V0_2 { patch }),
            _ => None,
        }
    }
}

impl std::fmt::Display for Contract {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.version())
    }
}

impl serde::Serialize for Contract {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.version())
    }
}

/// Every contract version this host serves, for messages.
pub fn supported() -> String {
    format!(
        "{WIT_PACKAGE}@{} and @{}",
        Contract::CURRENT,
        Contract::V0_1
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
        match &mut found {
            Some((seen, first)) if !seen.same_line(contract) => {
                return Err(format!(
                    "mixes contract versions ({first} and {name}); this host serves {}",
                    supported()
                ));
            }
            // Patch levels mixed (a component built from two releases of
            // the WIT): the newest is what it may call.
            Some((seen, _)) => {
                if let (Contract::V0_2 { patch: a }, Contract::V0_2 { patch: b }) =
                    (*seen, contract)
                {
                    *seen = Contract::V0_2 { patch: a.max(b) };
                }
            }
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
        assert_eq!(v2, Ok(Contract::V0_2 { patch: 1 }));
        assert_eq!(v2.map(|c| c.to_string()).as_deref(), Ok("0.2.1"));
        let released = detect_names(names(&["agent-store:plugin/types@0.2.0"]));
        assert_eq!(released, Ok(Contract::V0_2 { patch: 0 }));
        assert_eq!(
            detect_names(names(&["wasi:io/poll@0.2.0"])),
            Ok(Contract::CURRENT)
        );
    }

    #[test]
    fn unknown_and_mixed_versions_are_refused_with_a_reason() {
        let e = detect_names(names(&["agent-store:plugin/types@0.3.0"])).unwrap_err();
        assert!(
            e.contains("@0.3.0") && e.contains("0.2.1") && e.contains("0.1.0"),
            "{e}"
        );
        let newer = format!(
            "agent-store:plugin/analysis@0.2.{}",
            super::super::WIT_PATCH + 1
        );
        let e = detect_names(vec![newer.clone()]).unwrap_err();
        assert!(e.contains(&newer) && e.contains("0.2.1"), "{e}");
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
