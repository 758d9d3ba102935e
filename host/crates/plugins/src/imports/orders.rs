//! The `orders` interface: the conversation's cart and recent orders, with the `orders` grant.

use super::*;

impl wit_if::orders::Host for PluginState {
    async fn get_cart(&mut self) -> Result<wit::Cart, HostError> {
        let _call = self.enter("orders.get-cart")?;
        if !self.scope.grants.orders {
            return Err(self.deny("orders", ""));
        }
        let (Some(carts), Some(conversation)) = (&self.services.carts, &self.scope.conversation_id)
        else {
            return Err(HostError::Unavailable(
                "no conversation in this call".into(),
            ));
        };
        let cart = carts
            .get(conversation)
            .await
            .map_err(|e| HostError::Failed(e.to_string()))?;
        self.services
            .seen
            .amounts(
                std::iter::once(cart.subtotal.minor_units).chain(cart.lines.iter().flat_map(|l| {
                    [
                        l.unit_price.minor_units,
                        l.unit_price
                            .minor_units
                            .saturating_mul(i64::from(l.quantity)),
                    ]
                })),
            );
        let in_cart: Vec<crate::catalog::Product> = cart
            .lines
            .iter()
            .filter_map(|l| self.services.catalog.get(None, &l.product_id))
            .collect();
        self.services.seen.products(in_cart.iter());
        Ok(wit::Cart {
            lines: cart
                .lines
                .iter()
                .map(|l| wit::CartLine {
                    product_id: l.product_id.clone(),
                    title: l.title.clone(),
                    quantity: l.quantity,
                    unit_price: convert::money(&l.unit_price),
                })
                .collect(),
            subtotal: convert::money(&cart.subtotal),
        })
    }

    async fn recent(&mut self, limit: u32) -> Result<Vec<wit::OrderSummary>, HostError> {
        let _call = self.enter("orders.recent")?;
        if !self.scope.grants.orders {
            return Err(self.deny("orders", ""));
        }
        let (Some(carts), Some(conversation)) = (&self.services.carts, &self.scope.conversation_id)
        else {
            return Err(HostError::Unavailable(
                "no conversation in this call".into(),
            ));
        };
        let orders = carts
            .recent_orders(conversation, limit)
            .await
            .map_err(|e| HostError::Failed(e.to_string()))?;
        self.services
            .seen
            .amounts(orders.iter().map(|o| o.total.minor_units));
        Ok(orders
            .into_iter()
            .map(|o| wit::OrderSummary {
                id: o.id,
                status: o.status,
                total: convert::money(&o.total),
                created_at: u64::try_from(o.created_at).unwrap_or(0),
                tracking: o.tracking,
            })
            .collect())
    }
}
