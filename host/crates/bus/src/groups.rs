//! The names of the consumer groups other modules refer to, below every
//! capability: the turn effects' settling (`conversations`) reads the
//! parked events of the orders and sales groups without importing either
//! capability. Each capability's `GROUP` is its name from here.

/// The orders capability (it settles order-request turn effects).
pub const ORDERS: &str = "orders";
/// The sales console (it settles escalations).
pub const SALES: &str = "sales";
