//! The host side of the WIT `orders` interface: the conversation's cart and
//! recent orders, with the plugin's `orders` grant.
//!
//! Shaped like wasmtime-wasi's `WasiView`: the plugin runtime's turn state
//! implements [`OrdersView`], handing out an [`OrdersCtxView`] for each
//! call, and [`add_to_linker`] links the interface, recorded
//! ([`Recorded`]). Money converts as the catalog's host side converts it.

use agent_store_wit::interfaces::orders as orders_if;
use agent_store_wit::wasmtime::component::{HasData, Linker};
use agent_store_wit::wit::{self, HostError};
use agent_store_wit::{ImportGate, Recorded, wasmtime};

use crate::catalog::plugin_host::money;
use crate::catalog::shown::Shown;
use crate::catalog::{Catalog, Product};
use crate::{Cart, Carts};

/// What an `orders` call works with.
pub struct OrdersCtxView<'a> {
    pub gate: &'a mut dyn ImportGate,
    /// The manifest grants `orders`.
    pub granted: bool,
    /// The carts (none on a host without a database).
    pub carts: Option<&'a Carts>,
    /// The turn's conversation (none in a smoke turn).
    pub conversation_id: Option<&'a str>,
    /// The cart as this turn first read it. A turn cannot change the cart
    /// (its cart actions are carried out after it) and the conversation's
    /// turns run one at a time, so later reads of the turn are answered
    /// from here: a seller asks for the cart two or three times a turn,
    /// each a database read.
    pub cart_read: &'a mut Option<Cart>,
    /// Where the cart's products are looked up, to report them as shown.
    pub catalog: &'a Catalog,
    /// Where what the plugin is shown is reported.
    pub shown: &'a dyn Shown,
}

/// A store whose data can serve the `orders` interface.
pub trait OrdersView: Send {
    fn orders(&mut self) -> OrdersCtxView<'_>;
}

/// The linker's [`HasData`] for the `orders` interface.
pub struct HasOrders;

impl HasData for HasOrders {
    type Data<'a> = Recorded<OrdersCtxView<'a>>;
}

/// What one `orders` call runs on: the view, recorded.
pub fn host<T: OrdersView>(state: &mut T) -> Recorded<OrdersCtxView<'_>> {
    let view = state.orders();
    Recorded::new(view.gate.tape(), view)
}

/// Link the `orders` interface.
pub fn add_to_linker<T: OrdersView + 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    orders_if::add_to_linker::<T, HasOrders>(linker, host)
}

impl<'a> OrdersCtxView<'a> {
    /// The grant, then the carts and the conversation, or why not.
    fn cart_of(&mut self) -> Result<(&'a Carts, &'a str), HostError> {
        if !self.granted {
            return Err(self.gate.deny("orders", ""));
        }
        match (self.carts, self.conversation_id) {
            (Some(carts), Some(conversation)) => Ok((carts, conversation)),
            _ => Err(HostError::Unavailable(
                "no conversation in this call".into(),
            )),
        }
    }
}

impl orders_if::Host for OrdersCtxView<'_> {
    async fn get_cart(&mut self) -> Result<wit::Cart, HostError> {
        let _call = self.gate.enter("orders.get-cart")?;
        let (carts, conversation) = self.cart_of()?;
        let cart = match self.cart_read.as_ref() {
            Some(cart) => cart.clone(),
            None => {
                let cart = carts
                    .get(conversation)
                    .await
                    .map_err(|e| HostError::Failed(e.to_string()))?;
                self.cart_read.insert(cart).clone()
            }
        };
        let amounts: Vec<i64> = std::iter::once(cart.subtotal.minor_units)
            .chain(cart.lines.iter().flat_map(|l| {
                [
                    l.unit_price.minor_units,
                    l.unit_price
                        .minor_units
                        .saturating_mul(i64::from(l.quantity)),
                ]
            }))
            .collect();
        self.shown.amounts(&amounts);
        let in_cart: Vec<Product> = cart
            .lines
            .iter()
            .filter_map(|l| self.catalog.get(None, &l.product_id))
            .collect();
        self.shown.products(&in_cart);
        Ok(wit::Cart {
            lines: cart
                .lines
                .iter()
                .map(|l| wit::CartLine {
                    product_id: l.product_id.clone(),
                    title: l.title.clone(),
                    quantity: l.quantity,
                    unit_price: money(&l.unit_price),
                })
                .collect(),
            subtotal: money(&cart.subtotal),
        })
    }

    async fn recent(&mut self, limit: u32) -> Result<Vec<wit::OrderSummary>, HostError> {
        let _call = self.gate.enter("orders.recent")?;
        let (carts, conversation) = self.cart_of()?;
        let orders = carts
            .recent_orders(conversation, limit)
            .await
            .map_err(|e| HostError::Failed(e.to_string()))?;
        let totals: Vec<i64> = orders.iter().map(|o| o.total.minor_units).collect();
        self.shown.amounts(&totals);
        Ok(orders
            .into_iter()
            .map(|o| wit::OrderSummary {
                id: o.id,
                status: o.status,
                total: money(&o.total),
                created_at: u64::try_from(o.created_at).unwrap_or(0),
                tracking: o.tracking,
            })
            .collect())
    }
}
