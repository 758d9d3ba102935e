//! Orders on both databases: pricing, idempotency, the oversell race, the
//! state machine with its stock effects, expiry, notifications and the
//! checkout-link provider against a local Stripe-compatible server.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use cloudevents::{AttributesReader, Event};

use super::*;
use crate::bus::{Bus, Handler, InProcessBus, RetryPolicy};
use crate::catalog::Availability;
use crate::chat::Customer;
use crate::events::{ChatResponse, EventType, OrderCreate};
use crate::payments::PaymentsConfig;
use crate::shipping::ShippingConfig;

const FEED: &str = "id,title,description,availability,price,sale_price,brand,product_type,quantity\n\
LAST-1,Trail Shoe,Last units of a trail shoe,in stock,89.90 BRL,,fashion,Shoes,10\n\
CAP-1,Running Cap,A light cap,in stock,50.00 BRL,45.00 BRL,fashion,Accessories,\n\
GONE-1,Old Shoe,Sold out,out of stock,99.00 BRL,,fashion,Shoes,0\n\
USD-1,Import Sock,Priced in dollars,in stock,10.00 USD,,fashion,Socks,\n\
PAIR-1,Left Sock,Stocked,in stock,5.00 BRL,,fashion,Socks,100\n\
PAIR-2,Right Sock,Stocked,in stock,5.00 BRL,,fashion,Socks,100\n";

/// Every event of some types, in arrival order.
#[derive(Default, Clone)]
struct Recorder(Arc<Mutex<Vec<Event>>>);

#[async_trait]
impl Handler for Recorder {
    async fn handle(&self, event: Event) -> anyhow::Result<()> {
        self.0.lock().expect("lock").push(event);
        Ok(())
    }
}

impl Recorder {
    fn of(&self, ty: EventType) -> Vec<Event> {
        self.0
            .lock()
            .expect("lock")
            .iter()
            .filter(|e| e.ty() == ty.as_str())
            .cloned()
            .collect()
    }

    fn texts(&self) -> Vec<String> {
        self.of(EventType::ChatResponse)
            .iter()
            .filter_map(|e| events::payload::<ChatResponse>(e).ok())
            .flat_map(|r| r.actions)
            .filter_map(|a| match a {
                Action::Text { body } => Some(body),
                _ => None,
            })
            .collect()
    }
}

struct Fixture {
    db: Db,
    orders: Orders,
    carts: Carts,
    bus: Arc<dyn Bus>,
    seen: Recorder,
    _dir: tempfile::TempDir,
    /// Drops the PostgreSQL test database last.
    _pg: Option<crate::db::testing::TestPostgres>,
}

async fn fixture_on(
    db: Db,
    dir: tempfile::TempDir,
    tweak: impl FnOnce(&mut OrdersConfig, &mut PaymentsConfig),
) -> Fixture {
    let catalog = Catalog::open(db.clone(), dir.path())
        .await
        .expect("catalog");
    let report = catalog.import_csv(FEED.as_bytes()).await.expect("feed");
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let bus: Arc<dyn Bus> = Arc::new(InProcessBus::new(RetryPolicy {
        attempts: 3,
        backoff: Duration::from_millis(5),
    }));
    let mut config = OrdersConfig::default();
    let mut payments = PaymentsConfig {
        pix_key: "pix@store.example".into(),
        ..PaymentsConfig::default()
    };
    tweak(&mut config, &mut payments);
    let orders = Orders::new(
        db.clone(),
        catalog.clone(),
        bus.clone(),
        config,
        ShippingConfig::default(),
        payments,
    )
    .expect("orders");
    let seen = Recorder::default();
    bus.subscribe(
        "test-recorder",
        &[
            EventType::ChatResponse,
            EventType::OrderCreated,
            EventType::OrderConfirmed,
            EventType::OrderShipped,
            EventType::OrderDelivered,
            EventType::OrderCancelled,
            EventType::OrderStatusUpdate,
        ],
        Arc::new(seen.clone()),
    )
    .await
    .expect("subscribe");
    Fixture {
        carts: Carts::new(db.clone(), catalog),
        db,
        orders,
        bus,
        seen,
        _dir: dir,
        _pg: None,
    }
}

async fn sqlite_fixture() -> Fixture {
    let (db, dir) = crate::db::testing::sqlite().await.expect("sqlite");
    fixture_on(db, dir, |_, _| {}).await
}

async fn postgres_fixture() -> Fixture {
    let (db, pg) = crate::db::testing::postgres_db().await.expect("postgres");
    let mut f = fixture_on(db, tempfile::tempdir().expect("tempdir"), |_, _| {}).await;
    f._pg = Some(pg);
    f
}

impl Fixture {
    /// A conversation of customer `wa_id` in `language`.
    async fn conversation(&self, wa_id: &str, language: &str) -> String {
        let id = format!("conv-{wa_id}");
        sqlx::query(
            "INSERT INTO conversations (id, phone_number_id, customer_wa_id, brand, status, language, created_at, updated_at) \
             VALUES ($1, 'PN1', $2, 'fashion', 'open', $3, 0, 0)",
        )
        .bind(&id)
        .bind(wa_id)
        .bind(language)
        .execute(&self.db.pool)
        .await
        .expect("conversation");
        id
    }

    fn request(conversation: &str, source: &str) -> OrderCreate {
        OrderCreate {
            conversation_id: conversation.to_string(),
            customer: Customer {
                wa_id: conversation.trim_start_matches("conv-").to_string(),
                name: Some("Ana".into()),
            },
            brand: "fashion".into(),
            source_message_id: source.to_string(),
            note: None,
        }
    }

    async fn order_with(&self, wa_id: &str, lines: &[(&str, u32)]) -> Order {
        let c = self.conversation(wa_id, "pt").await;
        for (p, q) in lines {
            self.carts
                .add(&c, Some("fashion"), p, *q)
                .await
                .expect("add");
        }
        let (order, created) = self
            .orders
            .create(&Self::request(&c, &format!("wamid.{wa_id}")))
            .await
            .expect("order");
        assert!(created);
        order
    }

    async fn stock(&self, id: &str) -> (i64, i64) {
        let s = self.orders.stock(id).await.expect("stock").expect("known");
        (s.available, s.reserved)
    }
}

#[tokio::test]
async fn carts_add_change_and_remove_lines() {
    let f = sqlite_fixture().await;
    let c = f.conversation("5511900000001", "pt").await;
    f.carts.add(&c, None, "LAST-1", 1).await.expect("add");
    f.carts.add(&c, None, "LAST-1", 2).await.expect("add again");
    f.carts.add(&c, None, "CAP-1", 1).await.expect("add cap");
    let cart = f.carts.get(&c).await.expect("cart");
    assert_eq!(cart.lines.len(), 2);
    let qty = |cart: &Cart, id: &str| {
        cart.lines
            .iter()
            .find(|l| l.product_id == id)
            .map(|l| l.quantity)
    };
    assert_eq!(qty(&cart, "LAST-1"), Some(3));
    // 3 × 89.90 + 45.00 (sale price) = 314.70
    assert_eq!(cart.subtotal, Money::new(31_470, "BRL"));
    f.carts.set_quantity(&c, "LAST-1", 1).await.expect("set");
    assert_eq!(
        qty(&f.carts.get(&c).await.expect("cart"), "LAST-1"),
        Some(1)
    );
    assert!(matches!(
        f.carts.set_quantity(&c, "LAST-1", 100).await,
        Err(CartError::Quantity)
    ));
    f.carts.remove(&c, "CAP-1").await.expect("remove");
    assert!(matches!(
        f.carts.remove(&c, "CAP-1").await,
        Err(CartError::NotInCart(_))
    ));
    f.carts
        .set_quantity(&c, "LAST-1", 0)
        .await
        .expect("zero removes");
    assert!(f.carts.get(&c).await.expect("cart").lines.is_empty());
    assert!(matches!(
        f.carts.add(&c, Some("tech"), "LAST-1", 1).await,
        Err(CartError::UnknownProduct(_))
    ));
}

/// A seller's cart edits (contract 0.2.0's cart actions) on `f`.
async fn seller_cart_edits(f: Fixture) {
    let c = f.conversation("5511900000002", "pt").await;
    let lines = |cart: Cart| -> Vec<(String, u32)> {
        let mut l: Vec<_> = cart
            .lines
            .into_iter()
            .map(|l| (l.product_id, l.quantity))
            .collect();
        l.sort();
        l
    };
    let brand = Some("fashion");
    let set = |id: &str, quantity| CartEdit::SetQuantity {
        product_id: id.into(),
        quantity,
    };
    f.carts.add(&c, brand, "LAST-1", 2).await.expect("add");
    f.carts.add(&c, brand, "CAP-1", 1).await.expect("add cap");
    // Set keeps the line's place and replaces its quantity.
    f.carts
        .edit(&c, brand, &set("LAST-1", 7))
        .await
        .expect("set");
    // Setting a product not in the cart adds its line.
    f.carts
        .edit(&c, brand, &set("PAIR-1", 3))
        .await
        .expect("set new");
    assert_eq!(
        lines(f.carts.get(&c).await.expect("cart")),
        [
            ("CAP-1".into(), 1),
            ("LAST-1".into(), 7),
            ("PAIR-1".into(), 3)
        ]
    );
    // Refused: over the line maximum, another brand's scope, unknown.
    assert!(matches!(
        f.carts
            .edit(&c, brand, &set("LAST-1", MAX_QUANTITY + 1))
            .await,
        Err(CartError::Quantity)
    ));
    assert!(matches!(
        f.carts.edit(&c, Some("tech"), &set("LAST-1", 1)).await,
        Err(CartError::UnknownProduct(_))
    ));
    let remove = |id: &str| CartEdit::Remove {
        product_id: id.into(),
    };
    assert!(matches!(
        f.carts.edit(&c, brand, &remove("NOPE-9")).await,
        Err(CartError::UnknownProduct(_))
    ));
    // ...and nothing changed.
    assert_eq!(
        lines(f.carts.get(&c).await.expect("cart")),
        [
            ("CAP-1".into(), 1),
            ("LAST-1".into(), 7),
            ("PAIR-1".into(), 3)
        ]
    );
    f.carts
        .edit(&c, brand, &remove("CAP-1"))
        .await
        .expect("remove");
    // Removing what is not in the cart is no error.
    f.carts
        .edit(&c, brand, &remove("CAP-1"))
        .await
        .expect("remove again");
    f.carts
        .edit(&c, brand, &set("PAIR-1", 0))
        .await
        .expect("zero");
    assert_eq!(
        lines(f.carts.get(&c).await.expect("cart")),
        [("LAST-1".into(), 7)]
    );
    f.carts
        .edit(&c, brand, &CartEdit::Clear)
        .await
        .expect("clear");
    assert!(f.carts.get(&c).await.expect("cart").lines.is_empty());
}

#[tokio::test]
async fn seller_cart_edits_on_sqlite() {
    seller_cart_edits(sqlite_fixture().await).await;
}

#[tokio::test]
async fn seller_cart_edits_on_postgres() {
    seller_cart_edits(postgres_fixture().await).await;
}

#[tokio::test]
async fn orders_are_priced_from_the_catalog_with_shipping_rules() {
    let f = sqlite_fixture().await;
    // 1 × 89.90 + 1 × 45.00 (sale) = 134.90 < 200.00: 15.00 shipping.
    let small = f
        .order_with("5511900000002", &[("LAST-1", 1), ("CAP-1", 1)])
        .await;
    assert!(model::is_order_id(&small.id), "{}", small.id);
    assert_eq!(small.status, Status::Pending);
    assert_eq!(small.subtotal, Money::new(13_490, "BRL"));
    assert_eq!(small.shipping, Money::new(1_500, "BRL"));
    assert_eq!(small.total, Money::new(14_990, "BRL"));
    let line = |id: &str| {
        small
            .lines
            .iter()
            .find(|l| l.product_id == id)
            .cloned()
            .expect("line")
    };
    assert_eq!(line("CAP-1").unit_price, Money::new(4_500, "BRL"));
    assert_eq!(line("LAST-1").reserved, 1, "tracked stock reserved");
    assert_eq!(line("CAP-1").reserved, 0, "untracked stock");
    assert_eq!(small.reservation, Reservation::Held);
    assert!(small.reserved_until.is_some());
    // 3 × 89.90 = 269.70 ≥ 200.00: free shipping.
    let big = f.order_with("5511900000003", &[("LAST-1", 3)]).await;
    assert_eq!(big.shipping, Money::new(0, "BRL"));
    assert_eq!(big.total, Money::new(26_970, "BRL"));
    assert_eq!(f.stock("LAST-1").await, (6, 4));
    // The ordered lines left the cart.
    assert!(
        f.carts
            .get(&big.conversation_id)
            .await
            .expect("cart")
            .lines
            .is_empty()
    );

    // Refusals: empty cart, sold out, mixed currencies.
    let c = f.conversation("5511900000004", "en").await;
    assert!(matches!(
        f.orders.create(&Fixture::request(&c, "wamid.empty")).await,
        Err(OrderError::EmptyCart)
    ));
    sqlx::query("INSERT INTO cart_lines (conversation_id, product_id, quantity, updated_at) VALUES ($1, 'GONE-1', 1, 0)")
        .bind(&c)
        .execute(&f.db.pool)
        .await
        .expect("insert");
    assert!(matches!(
        f.orders.create(&Fixture::request(&c, "wamid.gone")).await,
        Err(OrderError::Unavailable(..))
    ));
    f.carts.clear(&c).await.expect("clear");
    f.carts.add(&c, None, "LAST-1", 1).await.expect("add");
    f.carts.add(&c, None, "USD-1", 1).await.expect("add");
    assert!(matches!(
        f.orders.create(&Fixture::request(&c, "wamid.mixed")).await,
        Err(OrderError::Currency)
    ));
    assert_eq!(f.stock("LAST-1").await, (6, 4), "refusals reserve nothing");
}

#[tokio::test]
async fn orders_creation_is_idempotent_by_source_message() {
    let f = sqlite_fixture().await;
    let c = f.conversation("5511900000005", "pt").await;
    f.carts.add(&c, None, "LAST-1", 2).await.expect("add");
    let req = Fixture::request(&c, "wamid.same");
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let orders = f.orders.clone();
        let req = req.clone();
        tasks.push(tokio::spawn(async move { orders.create(&req).await }));
    }
    let mut ids = std::collections::BTreeSet::new();
    let mut created = 0;
    for t in tasks {
        let (order, new) = t.await.expect("join").expect("create");
        ids.insert(order.id);
        created += usize::from(new);
    }
    assert_eq!(ids.len(), 1, "one order for one source message");
    assert_eq!(created, 1);
    assert_eq!(f.stock("LAST-1").await, (8, 2), "reserved once");
    // Later, with a new cart, the same source still maps to the same order.
    f.carts.add(&c, None, "CAP-1", 1).await.expect("add");
    let (again, new) = f.orders.create(&req).await.expect("again");
    assert!(!new);
    assert_eq!(Some(&again.id), ids.first());
    assert_eq!(f.orders.list(None, 10).await.expect("list").len(), 1);
}

/// 50 customers race for the last 10 units: exactly 10 orders succeed.
async fn oversell_race(f: Fixture) {
    let mut convs = Vec::new();
    for i in 0..50 {
        let c = f.conversation(&format!("55119{i:08}"), "pt").await;
        f.carts.add(&c, None, "LAST-1", 1).await.expect("add");
        convs.push(c);
    }
    let mut tasks = Vec::new();
    for (i, c) in convs.iter().enumerate() {
        let orders = f.orders.clone();
        let req = Fixture::request(c, &format!("wamid.race.{i}"));
        tasks.push(tokio::spawn(async move { orders.create(&req).await }));
    }
    let (mut ok, mut sold_out) = (0, 0);
    for t in tasks {
        match t.await.expect("join") {
            Ok((_, true)) => ok += 1,
            // Refused by the reservation, or (once a sync marked the
            // product sold out) by the catalog check before it.
            Err(OrderError::OutOfStock { .. } | OrderError::Unavailable(..)) => sold_out += 1,
            other => panic!("unexpected outcome: {other:?}"),
        }
    }
    assert_eq!((ok, sold_out), (10, 40));
    assert_eq!(f.stock("LAST-1").await, (0, 10));
    // The catalog the sellers and search read follows the reservations,
    // whatever order the 50 concurrent syncs ran in.
    let catalog = f.orders.catalog().clone();
    let sold = catalog.get(None, "LAST-1").expect("product");
    assert_eq!(sold.quantity, Some(0));
    assert_eq!(sold.availability, Availability::OutOfStock);
    let in_stock = |c: &Catalog| {
        c.search(
            None,
            &crate::catalog::SearchQuery {
                text: "trail shoe".into(),
                in_stock_only: true,
                ..Default::default()
            },
        )
        .iter()
        .any(|h| h.product.id == "LAST-1")
    };
    assert!(!in_stock(&catalog), "sold out: not offered as in stock");
    // Stored too: a restarted host starts from the same levels.
    let reopened = Catalog::open(f.db.clone(), f._dir.path())
        .await
        .expect("reopen");
    assert_eq!(
        reopened.get(None, "LAST-1").map(|p| p.availability),
        Some(Availability::OutOfStock)
    );
    assert_eq!(
        f.orders
            .list(Some(Status::Pending), 100)
            .await
            .expect("list")
            .len(),
        10
    );
    // A cancellation gives one unit back, and one more order then fits.
    let first = f.orders.list(None, 1).await.expect("list").remove(0);
    f.orders
        .transition(&first.id, Status::Cancelled, Change::by("test"))
        .await
        .expect("cancel");
    assert_eq!(f.stock("LAST-1").await, (1, 9));
    let back = catalog.get(None, "LAST-1").expect("product");
    assert_eq!(
        (back.quantity, back.availability),
        (Some(1), Availability::InStock)
    );
    assert!(in_stock(&catalog), "the released unit is for sale again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_oversell_race_sqlite() {
    oversell_race(sqlite_fixture().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_oversell_race_postgres() {
    oversell_race(postgres_fixture().await).await;
}

async fn lifecycle(f: Fixture) {
    let o = f.order_with("5511900000010", &[("LAST-1", 2)]).await;
    assert_eq!(f.stock("LAST-1").await, (8, 2));
    // Illegal transitions are refused and change nothing.
    for to in [
        Status::Processing,
        Status::Shipped,
        Status::Delivered,
        Status::Refunded,
    ] {
        assert!(
            matches!(
                f.orders.transition(&o.id, to, Change::by("test")).await,
                Err(OrderError::InvalidTransition {
                    from: Status::Pending,
                    ..
                })
            ),
            "pending -> {to}"
        );
    }
    let mut pay = Change::by("admin");
    pay.payment_reference = Some("pix-123".into());
    let (c, changed) = f
        .orders
        .transition(&o.id, Status::Confirmed, pay)
        .await
        .expect("confirm");
    assert!(changed);
    assert_eq!(c.payment_reference.as_deref(), Some("pix-123"));
    assert_eq!(c.reservation, Reservation::Committed);
    assert_eq!(c.reserved_until, None);
    assert_eq!(f.stock("LAST-1").await, (8, 0), "sold: no longer reserved");
    // Confirming twice is a no-op, not an error (webhook retries).
    let (_, changed) = f
        .orders
        .transition(&o.id, Status::Confirmed, Change::by("admin"))
        .await
        .expect("again");
    assert!(!changed);
    assert!(matches!(
        f.orders
            .transition(&o.id, Status::Shipped, Change::by("t"))
            .await,
        Err(OrderError::InvalidTransition { .. }) | Err(OrderError::Invalid(_))
    ));
    let (s, _) = f
        .orders
        .ship(&o.id, "BR123456789", "Correios", "admin")
        .await
        .expect("ship");
    assert_eq!(s.status, Status::Shipped);
    assert_eq!(s.tracking_number.as_deref(), Some("BR123456789"));
    assert!(matches!(
        f.orders
            .transition(&o.id, Status::Cancelled, Change::by("t"))
            .await,
        Err(OrderError::InvalidTransition {
            from: Status::Shipped,
            to: Status::Cancelled
        })
    ));
    let (d, _) = f
        .orders
        .transition(&o.id, Status::Delivered, Change::by("carrier"))
        .await
        .expect("deliver");
    assert_eq!(d.status, Status::Delivered);
    assert!(matches!(
        f.orders
            .transition(&o.id, Status::Pending, Change::by("t"))
            .await,
        Err(OrderError::InvalidTransition { .. })
    ));
    let (r, _) = f
        .orders
        .transition(&o.id, Status::Refunded, Change::by("admin"))
        .await
        .expect("refund");
    assert_eq!(r.status, Status::Refunded);
    assert_eq!(
        f.stock("LAST-1").await,
        (8, 0),
        "delivered goods do not restock"
    );
    let history: Vec<String> = f
        .orders
        .history(&o.id)
        .await
        .expect("history")
        .iter()
        .map(|h| h["to"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        history,
        [
            "pending",
            "confirmed",
            "processing",
            "shipped",
            "delivered",
            "refunded"
        ]
    );

    // A paid order cancelled before shipping returns its units.
    let o2 = f.order_with("5511900000011", &[("LAST-1", 3)]).await;
    f.orders
        .transition(&o2.id, Status::Confirmed, Change::by("admin"))
        .await
        .expect("confirm");
    assert_eq!(f.stock("LAST-1").await, (5, 0));
    f.orders
        .transition(&o2.id, Status::Cancelled, Change::by("admin"))
        .await
        .expect("cancel");
    assert_eq!(f.stock("LAST-1").await, (8, 0));

    // Every change was announced: specific events and status updates.
    f.bus.idle().await;
    assert_eq!(f.seen.of(EventType::OrderConfirmed).len(), 2);
    assert_eq!(f.seen.of(EventType::OrderShipped).len(), 1);
    assert_eq!(f.seen.of(EventType::OrderDelivered).len(), 1);
    assert_eq!(f.seen.of(EventType::OrderCancelled).len(), 1);
    let updates: Vec<String> = f
        .seen
        .of(EventType::OrderStatusUpdate)
        .iter()
        .filter_map(|e| events::payload::<OrderStatusUpdate>(e).ok())
        .filter(|u| u.order.order_id == o.id)
        .map(|u| format!("{}->{}", u.from.unwrap_or_default(), u.to))
        .collect();
    assert_eq!(
        updates,
        [
            "pending->confirmed",
            "confirmed->processing",
            "processing->shipped",
            "shipped->delivered",
            "delivered->refunded"
        ]
    );
}

#[tokio::test]
async fn orders_state_machine_and_stock_sqlite() {
    lifecycle(sqlite_fixture().await).await;
}

#[tokio::test]
async fn orders_state_machine_and_stock_postgres() {
    lifecycle(postgres_fixture().await).await;
}

#[tokio::test]
async fn orders_unpaid_reservations_expire_and_release_stock() {
    let (db, dir) = crate::db::testing::sqlite().await.expect("sqlite");
    let f = fixture_on(db, dir, |c, _| c.reservation_minutes = 10).await;
    let o = f.order_with("5511900000020", &[("LAST-1", 4)]).await;
    let paid = f.order_with("5511900000021", &[("LAST-1", 1)]).await;
    f.orders
        .transition(&paid.id, Status::Confirmed, Change::by("admin"))
        .await
        .expect("confirm");
    assert_eq!(f.stock("LAST-1").await, (5, 4));
    let until = o.reserved_until.expect("held");
    assert!(
        f.orders
            .expire_due(until - 1)
            .await
            .expect("sweep")
            .is_empty(),
        "not yet"
    );
    assert_eq!(
        f.orders.expire_due(until + 1).await.expect("sweep"),
        vec![o.id.clone()]
    );
    let expired = f.orders.get(&o.id).await.expect("get");
    assert_eq!(expired.status, Status::Cancelled);
    assert_eq!(expired.cancel_reason.as_deref(), Some(EXPIRED_REASON));
    assert_eq!(f.stock("LAST-1").await, (9, 0));
    assert_eq!(
        f.orders.get(&paid.id).await.expect("get").status,
        Status::Confirmed
    );
    assert!(
        f.orders
            .expire_due(until + 1)
            .await
            .expect("sweep")
            .is_empty(),
        "once"
    );
}

async fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    tokio::time::timeout(Duration::from_secs(10), async {
        while !ok() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("timed out waiting for {what}"));
}

#[tokio::test]
async fn orders_consumer_creates_once_and_notifies_in_the_customers_language() {
    let f = sqlite_fixture().await;
    start(&f.orders, &f.bus, Default::default())
        .await
        .expect("start");
    let c = f.conversation("5511900000030", "pt").await;
    f.carts.add(&c, None, "LAST-1", 1).await.expect("add");
    let req = Fixture::request(&c, "wamid.checkout");
    for _ in 0..2 {
        // A redelivered request (same event id) and a second request from
        // the same message (another event id).
        for id in ["wamid.checkout/order", "wamid.checkout/order-again"] {
            let ctx = Context {
                source: "/test",
                subject: Some(&c),
                brand: Some("fashion"),
                traceparent: None,
            };
            f.bus
                .publish(events::build_with_id(id, &ctx, &req).expect("event"))
                .await
                .expect("publish");
        }
    }
    f.bus.idle().await;
    let orders = f.orders.list(None, 10).await.expect("list");
    assert_eq!(orders.len(), 1);
    let id = &orders[0].id;
    let texts = f.seen.texts();
    let confirmations: Vec<&String> = texts.iter().filter(|t| t.contains(id.as_str())).collect();
    assert!(!confirmations.is_empty(), "{texts:?}");
    let first = confirmations[0];
    assert!(first.contains("Pedido"), "{first}");
    assert!(first.contains("1× Trail Shoe — R$ 89,90"), "{first}");
    assert!(first.contains("Frete: R$ 15,00"), "{first}");
    assert!(first.contains("Total: R$ 104,90"), "{first}");
    assert!(first.contains("pix@store.example"), "{first}");
    // The notification events all carry the same derived id: the send
    // stage deduplicates them by it.
    let ids: std::collections::BTreeSet<String> = f
        .seen
        .of(EventType::ChatResponse)
        .iter()
        .map(|e| e.id().to_string())
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");

    assert!(matches!(
        f.orders.ship(id, "X", "Y", "t").await,
        Err(OrderError::InvalidTransition { .. })
    ));
    f.orders
        .transition(id, Status::Confirmed, Change::by("admin"))
        .await
        .expect("confirm");
    f.orders
        .ship(id, "BR999", "Correios", "admin")
        .await
        .expect("ship");
    f.orders
        .transition(id, Status::Delivered, Change::by("carrier"))
        .await
        .expect("deliver");
    f.bus.idle().await;
    wait_for("the delivered message", || {
        f.seen.texts().iter().any(|t| t.contains("foi entregue"))
    })
    .await;
    let texts = f.seen.texts();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Pagamento recebido") && t.contains("R$ 104,90")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Correios") && t.contains("BR999")),
        "{texts:?}"
    );

    // A refused order is explained to the customer.
    let c2 = f.conversation("5511900000031", "es").await;
    f.carts.add(&c2, None, "LAST-1", 50).await.expect("add");
    let ctx = Context {
        source: "/test",
        subject: Some(&c2),
        brand: Some("fashion"),
        traceparent: None,
    };
    f.bus
        .publish(
            events::build_with_id("x/order", &ctx, &Fixture::request(&c2, "wamid.too-many"))
                .expect("event"),
        )
        .await
        .expect("publish");
    f.bus.idle().await;
    assert!(
        f.seen
            .texts()
            .iter()
            .any(|t| t.contains("no hay stock suficiente de Trail Shoe")),
        "{:?}",
        f.seen.texts()
    );
}

/// A local Stripe-compatible Checkout Sessions endpoint.
async fn fake_stripe() -> (String, Arc<Mutex<Vec<(String, Vec<(String, String)>)>>>) {
    use axum::extract::State;
    use axum::http::HeaderMap;
    type Seen = Arc<Mutex<Vec<(String, Vec<(String, String)>)>>>;
    let seen: Seen = Arc::default();
    async fn create(
        State(seen): State<Seen>,
        headers: HeaderMap,
        axum::Form(form): axum::Form<Vec<(String, String)>>,
    ) -> axum::Json<serde_json::Value> {
        let auth = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let n = {
            let mut s = seen.lock().expect("lock");
            s.push((auth, form));
            s.len()
        };
        axum::Json(serde_json::json!({
            "id": format!("cs_test_{n}"),
            "object": "checkout.session",
            "url": format!("https://checkout.example/pay/cs_test_{n}"),
        }))
    }
    let app = axum::Router::new()
        .route("/v1/checkout/sessions", axum::routing::post(create))
        .with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}"), seen)
}

#[tokio::test]
async fn payments_checkout_link_creates_a_session_and_sends_its_url() {
    let (base, seen) = fake_stripe().await;
    let (db, dir) = crate::db::testing::sqlite().await.expect("sqlite");
    let f = fixture_on(db, dir, |_, p| {
        p.provider = "checkout-link".into();
        p.api_base = base.clone();
        p.secret_key = "sk_test_123".into();
        p.webhook_secret = "whsec_test".into();
    })
    .await;
    start(&f.orders, &f.bus, Default::default())
        .await
        .expect("start");
    let o = f
        .order_with("5511900000040", &[("LAST-1", 1), ("CAP-1", 2)])
        .await;
    assert_eq!(o.payment_provider, "checkout-link");
    let announced = f
        .orders
        .announce_created(o.clone())
        .await
        .expect("announce");
    assert_eq!(announced.payment_reference.as_deref(), Some("cs_test_1"));
    let stored = f.orders.get(&o.id).await.expect("get");
    assert_eq!(
        stored.payment_url.as_deref(),
        Some("https://checkout.example/pay/cs_test_1")
    );
    // Announcing again does not open a second session.
    f.orders.announce_created(stored).await.expect("again");
    let requests = seen.lock().expect("lock").clone();
    assert_eq!(requests.len(), 1);
    let (auth, form) = &requests[0];
    assert_eq!(auth, "Bearer sk_test_123");
    let get = |k: &str| {
        form.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    assert_eq!(get("mode"), "payment");
    assert_eq!(get("client_reference_id"), o.id);
    assert_eq!(get("line_items[0][price_data][currency]"), "brl");
    let item = |name: &str| {
        (0..2)
            .find(|i| get(&format!("line_items[{i}][price_data][product_data][name]")) == name)
            .map(|i| {
                (
                    get(&format!("line_items[{i}][price_data][unit_amount]")).to_string(),
                    get(&format!("line_items[{i}][quantity]")).to_string(),
                )
            })
    };
    assert_eq!(item("Trail Shoe"), Some(("8990".into(), "1".into())));
    assert_eq!(item("Running Cap"), Some(("4500".into(), "2".into())));
    // 89.90 + 90.00 = 179.90 < 200: shipping is a line item.
    assert_eq!(get("line_items[2][price_data][unit_amount]"), "1500");
    let total: i64 = (0..3)
        .map(|i| {
            get(&format!("line_items[{i}][price_data][unit_amount]"))
                .parse::<i64>()
                .unwrap_or(0)
                * get(&format!("line_items[{i}][quantity]"))
                    .parse::<i64>()
                    .unwrap_or(0)
        })
        .sum();
    assert_eq!(
        total, o.total.minor_units,
        "the session charges the order total"
    );
    f.bus.idle().await;

    assert!(
        f.seen
            .texts()
            .iter()
            .any(|t| t.contains("https://checkout.example/pay/cs_test_1")),
        "{:?}",
        f.seen.texts()
    );
}

/// Carts holding the same products added in opposite orders, ordered at
/// once: every order succeeds (reservations lock rows in one global order,
/// so PostgreSQL never deadlocks).
async fn opposite_order_carts(f: Fixture) {
    let mut tasks = Vec::new();
    for i in 0..12 {
        let c = f.conversation(&format!("55118{i:08}"), "pt").await;
        let (a, b) = if i % 2 == 0 {
            ("PAIR-1", "PAIR-2")
        } else {
            ("PAIR-2", "PAIR-1")
        };
        f.carts.add(&c, None, a, 1).await.expect("add");
        f.carts.add(&c, None, b, 1).await.expect("add");
        tasks.push(Fixture::request(&c, &format!("wamid.pair.{i}")));
    }
    let handles: Vec<_> = tasks
        .into_iter()
        .map(|req| {
            let orders = f.orders.clone();
            tokio::spawn(async move { orders.create(&req).await })
        })
        .collect();
    for h in handles {
        let (order, created) = h.await.expect("join").expect("no deadlock, no refusal");
        assert!(created);
        assert_eq!(order.lines.len(), 2);
    }
    assert_eq!(f.stock("PAIR-1").await, (88, 12));
    assert_eq!(f.stock("PAIR-2").await, (88, 12));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_with_opposite_line_orders_do_not_deadlock_postgres() {
    opposite_order_carts(postgres_fixture().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_with_opposite_line_orders_do_not_deadlock_sqlite() {
    opposite_order_carts(sqlite_fixture().await).await;
}

#[tokio::test]
async fn an_order_has_a_language_and_its_lines_add_up() {
    let f = sqlite_fixture().await;
    start(&f.orders, &f.bus, Default::default())
        .await
        .expect("start");
    // A customer who only tapped buttons: no detected language, but the
    // seller has been answering in Spanish (its `lang` state).
    let c = f.conversation("5215500000041", "").await;
    sqlx::query(
        "INSERT INTO conversation_state (conversation_id, key, value) VALUES ($1, 'lang', 'es')",
    )
    .bind(&c)
    .execute(&f.db.pool)
    .await
    .expect("state");
    f.carts.add(&c, None, "LAST-1", 3).await.expect("add");
    let ctx = Context {
        source: "/test",
        subject: Some(&c),
        brand: Some("fashion"),
        traceparent: None,
    };
    let req = Fixture::request(&c, "wamid.lang-es");
    f.bus
        .publish(events::build_with_id("wamid.lang-es/order", &ctx, &req).expect("event"))
        .await
        .expect("publish");
    f.bus.idle().await;
    let orders = f.orders.list(None, 10).await.expect("list");
    let order = orders.first().expect("the order");
    assert_eq!(order.language, "es");
    let texts = f.seen.texts();
    let confirmation = texts
        .iter()
        .find(|t| t.contains(order.id.as_str()))
        .unwrap_or_else(|| panic!("a confirmation: {texts:?}"));
    // 3 × 89.90 = 269.70: the line shows the unit price and its sum.
    assert!(
        confirmation.contains("3× Trail Shoe — 3 × R$ 89,90 = R$ 269,70"),
        "{confirmation}"
    );
    // Nothing known at all: the sellers' default, never empty.
    let c = f.conversation("15550000042", "").await;
    f.carts.add(&c, None, "CAP-1", 1).await.expect("add");
    let (order, _) = f
        .orders
        .create(&Fixture::request(&c, "wamid.lang-none"))
        .await
        .expect("order");
    assert_eq!(order.language, "en");
}
