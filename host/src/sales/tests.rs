use std::time::Duration;

use super::escalations::NewEscalation;
use super::reports::{self, DayReport, Report};
use super::summary;
use super::users::{self, Role, Scope, User, Users};
use super::*;
use crate::chat::{EscalationReason, HistoryEntry, Priority, Speaker};
use crate::db::{Db, testing};
use crate::money::Money;
use crate::orders::{Cart, CartLine};

async fn conversation(db: &Db, id: &str) {
    sqlx::query(
        "INSERT INTO conversations (id, phone_number_id, customer_wa_id, customer_name, brand, status, language, created_at, updated_at, last_customer_message_at)
         VALUES ($1, 'p', $2, 'Ana', 'fashion', 'escalated', 'pt', 1, 1, 1)",
    )
    .bind(id)
    .bind(format!("wa-{id}"))
    .execute(&db.pool)
    .await
    .expect("conversation");
}

fn new<'a>(
    id: &'a str,
    conversation: &'a str,
    priority: Priority,
    money: &'a Money,
) -> NewEscalation<'a> {
    NewEscalation {
        id,
        conversation_id: conversation,
        brand: Some("fashion"),
        customer_wa_id: "wa",
        customer_name: Some("Ana"),
        reason: EscalationReason::CustomerRequest,
        priority,
        note: "asked for a person",
        summary: "summary",
        cart_value: money,
    }
}

async fn escalation_lifecycle(db: Db) {
    conversation(&db, "c1").await;
    let store = Escalations::new(db.clone());
    let cart = Money::new(12990, "USD");
    let e = store
        .open(&new("ev1", "c1", Priority::Medium, &cart))
        .await
        .expect("open")
        .expect("queued");
    assert_eq!(
        (e.status.as_str(), e.priority.as_str()),
        ("pending", "medium")
    );
    assert_eq!(e.cart_value_minor, 12990);
    // The same event again: nothing new to announce.
    assert!(
        store
            .open(&new("ev1", "c1", Priority::Medium, &cart))
            .await
            .expect("open")
            .is_none()
    );
    // A second escalation of the open conversation raises its priority.
    let merged = store
        .open(&new("ev2", "c1", Priority::Urgent, &cart))
        .await
        .expect("open")
        .expect("merged");
    assert_eq!(merged.id, "ev1");
    assert_eq!(merged.priority, "urgent");
    assert_eq!(store.list(false, 10).await.expect("list").len(), 1);

    // Re-notification: due once per interval, compare-and-set.
    let due = store
        .renotify_due(crate::db::now_ms() + 1)
        .await
        .expect("due");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].notifications, 2);
    assert!(
        store
            .renotify_due(crate::db::now_ms() - 60_000)
            .await
            .expect("due")
            .is_empty()
    );

    assert!(store.accept("ev1", "ana").await.expect("accept"));
    assert!(
        !store.accept("ev1", "bob").await.expect("accept twice"),
        "taken once"
    );
    assert!(
        store
            .renotify_due(crate::db::now_ms() + 1)
            .await
            .expect("due")
            .is_empty(),
        "accepted: no more announcements"
    );
    store.responded("ev1").await.expect("responded");
    assert!(
        store
            .close("ev1", "ana", "handed_back")
            .await
            .expect("close")
    );
    assert!(
        !store
            .close("ev1", "ana", "resolved")
            .await
            .expect("close twice")
    );
    let closed = store.get("ev1").await.expect("get").expect("stored");
    assert_eq!(closed.status, "handed_back");
    assert_eq!(closed.agent.as_deref(), Some("ana"));
    assert!(closed.first_response_at.is_some() && closed.closed_at.is_some());
    assert!(store.open_for("c1").await.expect("open_for").is_none());
    // A new escalation after the hand-back is queued afresh.
    let again = store
        .open(&new("ev3", "c1", Priority::Low, &cart))
        .await
        .expect("open")
        .expect("queued");
    assert_eq!(again.id, "ev3");
}

#[tokio::test]
async fn escalation_lifecycle_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    escalation_lifecycle(db).await;
}

#[tokio::test]
async fn escalation_lifecycle_on_postgres() {
    let (db, _pg) = testing::postgres_db().await.expect("postgres");
    escalation_lifecycle(db).await;
}

async fn accounts(db: Db) {
    let users = Users::new(db);
    assert!(
        users
            .upsert("ana", "short", Role::Rep, &Scope::parse("fashion"))
            .await
            .is_err(),
        "too short"
    );
    assert!(
        users
            .upsert(
                "bad name",
                "long-enough",
                Role::Rep,
                &Scope::parse("fashion")
            )
            .await
            .is_err()
    );
    assert!(
        users
            .upsert("ana", "long-enough", Role::Rep, &Scope::parse(""))
            .await
            .is_err(),
        "a rep needs brands"
    );
    users
        .upsert(
            "ana",
            "long-enough",
            Role::Rep,
            &Scope::parse(" Tech,fashion ,tech"),
        )
        .await
        .expect("saved");
    let ana = users
        .authenticate("ana", "long-enough")
        .await
        .expect("auth")
        .expect("ok");
    assert_eq!(
        ana.scope,
        Scope::Brands(vec!["fashion".into(), "tech".into()])
    );
    assert!(
        users
            .authenticate("ana", "long-enougH")
            .await
            .expect("auth")
            .is_none()
    );
    assert!(
        users
            .authenticate("nobody", "long-enough")
            .await
            .expect("auth")
            .is_none()
    );
    // A new password replaces the old one.
    users
        .upsert("ana", "another-one", Role::Admin, &Scope::All)
        .await
        .expect("saved");
    assert!(
        users
            .authenticate("ana", "long-enough")
            .await
            .expect("auth")
            .is_none()
    );
    assert_eq!(
        users.get("ana").await.expect("get").expect("ana").role,
        Role::Admin
    );
}

#[tokio::test]
async fn accounts_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    accounts(db).await;
}

#[tokio::test]
async fn accounts_on_postgres() {
    let (db, _pg) = testing::postgres_db().await.expect("postgres");
    accounts(db).await;
}

#[test]
fn hashes_are_salted_argon2id() {
    let a = users::hash_password("same password").expect("hash");
    let b = users::hash_password("same password").expect("hash");
    assert!(a.starts_with("$argon2id$"));
    assert_ne!(a, b, "salted");
    assert!(users::verify_password("same password", &a));
    assert!(!users::verify_password("same passwore", &a));
    assert!(!users::verify_password("same password", "not a hash"));
}

#[test]
fn scope_rules() {
    let rep = User {
        name: "r".into(),
        role: Role::Rep,
        scope: Scope::parse("fashion"),
    };
    assert!(rep.allows(Some("fashion")) && rep.allows(Some("Fashion")));
    assert!(!rep.allows(Some("tech")));
    assert!(
        !rep.allows(None),
        "unrouted conversations are for all-brand accounts"
    );
    let admin = User {
        role: Role::Admin,
        ..rep.clone()
    };
    assert!(admin.allows(Some("tech")) && admin.allows(None));
    assert!(Scope::parse("*").allows(Some("gaming")));
}

#[test]
fn cookies_and_origins() {
    use axum::http::{HeaderMap, HeaderValue, header};
    let mut h = HeaderMap::new();
    h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
    h.insert(
        header::COOKIE,
        HeaderValue::from_static("a=1; agent_store_console=abc; b=2"),
    );
    assert_eq!(auth::cookie(&h, auth::COOKIE).as_deref(), Some("abc"));
    assert!(
        !auth::cross_origin(&h),
        "no Origin header: a same-origin fetch or a non-browser client"
    );
    h.insert(
        header::ORIGIN,
        HeaderValue::from_static("http://127.0.0.1:8080"),
    );
    assert!(!auth::cross_origin(&h));
    h.insert(
        header::ORIGIN,
        HeaderValue::from_static("http://127.0.0.1:9999"),
    );
    assert!(auth::cross_origin(&h));
    let c = auth::set_cookie("t", Duration::from_secs(60), true);
    assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.ends_with("; Secure"));
    assert!(
        auth::same_secret("abc", "abc")
            && !auth::same_secret("abc", "abd")
            && !auth::same_secret("abc", "ab")
    );
}

fn line(speaker: Speaker, text: &str) -> HistoryEntry {
    HistoryEntry {
        speaker,
        text: text.into(),
        brand: None,
        timestamp: 0,
    }
}

#[test]
fn extractive_summary_keeps_what_the_customer_said_and_the_cart() {
    let history = vec![
        line(Speaker::Customer, "oi"),
        line(Speaker::Assistant, "Olá! Como posso ajudar?"),
        line(
            Speaker::Customer,
            "quero um tênis de corrida preto tamanho 42",
        ),
        line(Speaker::Assistant, "Temos o Velocity Runner por 129,90."),
        line(
            Speaker::Customer,
            "o pagamento não passou, quero falar com um atendente",
        ),
    ];
    let cart = Cart {
        lines: vec![CartLine {
            product_id: "p1".into(),
            title: "Velocity Runner".into(),
            quantity: 2,
            unit_price: Money::new(12990, "USD"),
        }],
        subtotal: Money::new(25980, "USD"),
    };
    let s = summary::extractive(&history, "PaymentIssue (pt)", &cart);
    assert!(s.contains("tamanho 42"), "{s}");
    assert!(s.contains("pagamento não passou"), "{s}");
    assert!(!s.contains("“oi”"), "a bare greeting says little: {s}");
    assert!(
        s.contains("Velocity Runner por 129,90"),
        "the last AI reply: {s}"
    );
    assert!(s.contains("PaymentIssue"), "{s}");
    assert!(s.contains("2 × Velocity Runner"), "{s}");
    assert!(s.find("tamanho 42") < s.find("pagamento"), "in order: {s}");
    let empty = summary::extractive(
        &[],
        "",
        &Cart {
            lines: vec![],
            subtotal: Money::zero("USD"),
        },
    );
    assert_eq!(empty, "Cart: empty");
}

#[test]
fn csv_has_one_row_per_brand_and_day_and_a_column_per_reason() {
    let report = Report {
        from: "2025-01-01".into(),
        to: "2025-01-02".into(),
        orders_source: "test".into(),
        totals: Vec::new(),
        days: vec![DayReport {
            date: "2025-01-01".into(),
            brand: "tech".into(),
            conversations: 4,
            escalations: 2,
            escalations_by_reason: [("complaint".to_string(), 2)].into_iter().collect(),
            orders: 1,
            revenue_minor: 129990,
            currency: "USD".into(),
            average_order_value_minor: 129990,
            revenue: "1299.90 USD".into(),
            average_order_value: "1299.90 USD".into(),
            conversion_rate: 0.25,
            ai_handled: 3,
            human_handled: 1,
            first_response_seconds: Some(42.0),
        }],
    };
    let csv = reports::to_csv(&report).expect("csv");
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    assert_eq!(header.len(), 12 + reports::REASONS.len());
    let row: Vec<&str> = lines.next().expect("row").split(',').collect();
    let col = |name: &str| row[header.iter().position(|h| *h == name).expect(name)];
    assert_eq!(col("brand"), "tech");
    assert_eq!(col("revenue"), "1299.90");
    assert_eq!(col("conversion_rate"), "0.2500");
    assert_eq!(col("escalations_complaint"), "2");
    assert_eq!(col("escalations_payment_issue"), "0");
    assert_eq!(col("first_response_seconds"), "42.0");
    assert_eq!(reports::parse_day("1970-01-02"), Some(1));
    assert_eq!(reports::parse_day("2025-13-01"), None);
}

#[test]
fn template_replies_speak_the_customers_language() {
    let c = crate::conversations::Conversation {
        id: "c".into(),
        phone_number_id: "p".into(),
        customer_wa_id: "w".into(),
        customer_name: Some("Maria Silva".into()),
        brand: Some("fashion".into()),
        status: "escalated".into(),
        language: "es".into(),
    };
    let cart = Cart {
        lines: vec![],
        subtotal: Money::zero("USD"),
    };
    let r = assistant::template_replies(&c, None, "ana", &cart);
    assert!(
        r[0].starts_with("¡Hola Maria!") && r[0].contains("ana"),
        "{r:?}"
    );
    let en = crate::conversations::Conversation {
        language: String::new(),
        customer_name: None,
        ..c
    };
    let r = assistant::template_replies(&en, None, "ana", &cart);
    assert!(r[0].starts_with("Hi! I'm ana"), "{r:?}");
}
