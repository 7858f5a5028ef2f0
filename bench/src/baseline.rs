//! The baseline: the least a server can do to answer `GET /customers/{id}` with the same
//! JSON: plain actix-web, one pool, no middleware, no authentication, and one statement in
//! which the database builds the whole body (the customer, its tags and its overdue count).

use actix_web::{App, HttpResponse, HttpServer, get, web};
use sea_orm::sqlx::{self, PgPool, SqlitePool};
use uuid::Uuid;

enum Pool {
    Postgres(PgPool),
    Sqlite(SqlitePool),
}

/// Columns as JSON keys, in the order the service answers them.
const COLUMNS: [&str; 34] = [
    "id",
    "name",
    "company",
    "email",
    "phone",
    "phone_e164",
    "industry",
    "position",
    "city",
    "country",
    "timezone",
    "preferred_channel",
    "source_channel",
    "tier",
    "lifecycle_stage",
    "sales_stage",
    "status",
    "owner_id",
    "needs",
    "attributes",
    "important_dates",
    "consent",
    "last_contacted_at",
    "last_inbound_at",
    "last_outbound_at",
    "lifetime_value_minor",
    "lifetime_value_currency",
    "purchase_count",
    "last_purchase_at",
    "next_touchpoint_due_at",
    "open_complaints",
    "version",
    "created_at",
    "updated_at",
];

fn postgres_query() -> String {
    let pairs: Vec<String> = COLUMNS.iter().map(|c| format!("'{c}', c.{c}")).collect();
    format!(
        "SELECT json_build_object({}, \
         'tags', COALESCE((SELECT json_agg(t.tag ORDER BY t.tag) FROM customer_tags t WHERE t.customer_id = c.id), '[]'::json), \
         'overdue_touchpoints', (SELECT count(*) FROM touchpoints p WHERE p.customer_id = c.id AND p.status = 'scheduled' AND p.due_at < now()))::text \
         FROM customers c WHERE c.id = $1 AND c.deleted_at IS NULL",
        pairs.join(", ")
    )
}

/// SQLite keeps ids as 16-byte blobs and JSON documents as text.
fn sqlite_query() -> String {
    let uuid = |col: &str| {
        format!(
            "lower(substr(hex({col}),1,8)||'-'||substr(hex({col}),9,4)||'-'||substr(hex({col}),13,4)||'-'||substr(hex({col}),17,4)||'-'||substr(hex({col}),21))"
        )
    };
    let pairs: Vec<String> = COLUMNS
        .iter()
        .map(|c| match *c {
            "id" | "owner_id" => format!("'{c}', {}", uuid(&format!("c.{c}"))),
            "attributes" | "important_dates" | "consent" => format!("'{c}', json(c.{c})"),
            _ => format!("'{c}', c.{c}"),
        })
        .collect();
    format!(
        "SELECT json_object({}, \
         'tags', (SELECT json_group_array(tag) FROM (SELECT t.tag FROM customer_tags t WHERE t.customer_id = c.id ORDER BY t.tag)), \
         'overdue_touchpoints', (SELECT count(*) FROM touchpoints p WHERE p.customer_id = c.id AND p.status = 'scheduled' AND p.due_at < strftime('%Y-%m-%dT%H:%M:%f', 'now'))) \
         FROM customers c WHERE c.id = ?1 AND c.deleted_at IS NULL",
        pairs.join(", ")
    )
}

struct State {
    pool: Pool,
    query: String,
}

#[get("/api/v1/customers/{id}")]
async fn customer(state: web::Data<State>, id: web::Path<String>) -> HttpResponse {
    let Ok(id) = Uuid::parse_str(&id) else {
        return HttpResponse::NotFound().finish();
    };
    let query = sqlx::AssertSqlSafe(state.query.clone());
    let found: Result<Option<String>, sqlx::Error> = match &state.pool {
        Pool::Postgres(pool) => {
            sqlx::query_scalar(query)
                .bind(id)
                .fetch_optional(pool)
                .await
        }
        Pool::Sqlite(pool) => {
            sqlx::query_scalar(query)
                .bind(id)
                .fetch_optional(pool)
                .await
        }
    };
    match found {
        Ok(Some(body)) => HttpResponse::Ok()
            .content_type("application/json")
            .body(body),
        Ok(None) => HttpResponse::NotFound().finish(),
        Err(e) => HttpResponse::InternalServerError().body(e.to_string()),
    }
}

#[get("/health")]
async fn health() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// Serves until killed, with as many connections as the service's own pool.
pub async fn serve(database_url: &str, bind: &str) -> Result<(), String> {
    let size = rapport::db::pool_size(database_url);
    let (pool, query) = if rapport::db::is_sqlite(database_url) {
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(size)
            .connect(database_url)
            .await
            .map_err(|e| e.to_string())?;
        (Pool::Sqlite(pool), sqlite_query())
    } else {
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(size)
            .connect(database_url)
            .await
            .map_err(|e| e.to_string())?;
        (Pool::Postgres(pool), postgres_query())
    };
    let state = web::Data::new(State { pool, query });
    HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .service(customer)
            .service(health)
    })
    .bind(bind)
    .map_err(|e| e.to_string())?
    .run()
    .await
    .map_err(|e| e.to_string())
}
