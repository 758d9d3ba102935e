//! A conversation's cart as a turn's own cart edits would leave it, before
//! they are carried out: what the grounding guard may quote (line totals,
//! subtotals) and what the policy reviews (an order's value).

use crate::chat::Action;

/// One projected cart line: product id, unit price (minor units), quantity.
pub(super) type Line = (String, i64, u32);

/// Applies one of the turn's actions to the projected lines; `false` when
/// the action is not a cart edit. `unit` prices a product not yet in the
/// cart (a product the catalog does not have is left out).
pub(super) fn apply(
    lines: &mut Vec<Line>,
    action: &Action,
    unit: impl Fn(&str) -> Option<i64>,
) -> bool {
    match action {
        Action::AddToCart {
            product_id,
            quantity,
        } => match lines.iter_mut().find(|l| l.0 == *product_id) {
            Some(l) => l.2 = l.2.saturating_add(*quantity),
            None => {
                if let Some(u) = unit(product_id) {
                    lines.push((product_id.clone(), u, *quantity));
                }
            }
        },
        Action::SetCartQuantity {
            product_id,
            quantity,
        } => {
            lines.retain(|l| l.0 != *product_id);
            if *quantity > 0
                && let Some(u) = unit(product_id)
            {
                lines.push((product_id.clone(), u, *quantity));
            }
        }
        Action::RemoveFromCart { product_id } => lines.retain(|l| l.0 != *product_id),
        Action::ClearCart => lines.clear(),
        _ => return false,
    }
    true
}
