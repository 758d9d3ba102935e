//! The conversation's model, owned in one place: who the customer is
//! talking like (language), what was offered to them and in which order,
//! the product in focus, and the constraints they stated, plus the acts
//! a message performs over that state ("the second one", "quero 2",
//! "tira o mousepad", "¿algo más barato?", "pode fechar").
//!
//! * [`DialogueState`] is stored as JSON under [`STATE_KEY`] in the
//!   conversation's state ([`crate::Host::set_state`]); the host reads the
//!   same type for its admin view and the LLM context.
//! * [`read`] turns a message into an [`Act`] with data-driven cue
//!   vocabularies (`cues.txt`), ordinals and number words (`numbers.txt`),
//!   and the [`crate::text`] tools (accent folding, stemming, one-typo
//!   tolerance, prices, colours, sizes).
//!
//! ```
//! use agent_store_sdk::dialogue::{self, Act, DialogueState, Offered, Target};
//! let state = DialogueState {
//!     offered: vec![
//!         Offered { id: "A".into(), title: "Runner - Black".into(), ..Offered::default() },
//!         Offered { id: "B".into(), title: "Runner - Blue".into(), ..Offered::default() },
//!     ],
//!     ..DialogueState::default()
//! };
//! assert!(matches!(
//!     dialogue::read("vou levar o segundo", "pt", &state),
//!     Act::Add { target: Target::Position(2), .. }
//! ));
//! assert_eq!(dialogue::read("pode fechar o pedido", "pt", &state), Act::Checkout);
//! ```

mod act;
pub mod cues;
mod cues_file;
pub mod numbers;
#[cfg(test)]
mod numbers_file;
pub mod prior;
mod state;

pub use act::{
    Act, MAX_READ_CHARS, Reading, Refinement, Sort, Target, is_follow_up, is_variant, read,
    reads_as_follow_up, title_covers, title_score,
};
pub use state::{Constraints, DialogueState, MAX_OFFERED, Offered, STATE_KEY};
