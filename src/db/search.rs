//! Product search: weighted full-text search joined with trigram similarity.

use super::product_cards::{page_of_cards, CardRow, PRODUCT_COLUMNS};
use crate::domain::ProductCard;
use sqlx::PgExecutor;

/// Full-text search weighted name > brand and category > description, joined
/// with trigram similarity on name and brand so that misspellings still find.
pub async fn search(
    db: impl PgExecutor<'_>,
    text: &str,
    limit: i64,
    offset: i64,
) -> sqlx::Result<(Vec<ProductCard>, i64)> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        card: CardRow,
        total: i64,
    }
    let chosen = format!(
        "WITH q AS (SELECT websearch_to_tsquery('english', $1) AS ts,
                           websearch_to_tsquery('simple', $1) AS ts_simple, lower($1) AS raw)
         SELECT {PRODUCT_COLUMNS}, count(*) OVER () AS total,
                row_number() OVER (ORDER BY
                    (ts_rank(p.search, q.ts) + ts_rank(p.search, q.ts_simple)
                     + word_similarity(q.raw, lower(p.name)) + similarity(q.raw, lower(p.brand))) DESC,
                    p.stock = 0, p.id) AS position
         FROM products p, q
         WHERE p.active AND (p.search @@ q.ts OR p.search @@ q.ts_simple
                OR q.raw <% lower(p.name) OR q.raw % lower(p.brand))
         ORDER BY position LIMIT $2 OFFSET $3"
    );
    let sql = page_of_cards(&chosen, ", p.total");
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(text)
        .bind(limit)
        .bind(offset)
        .fetch_all(db)
        .await?;
    let total = rows.first().map(|r| r.total).unwrap_or(0);
    Ok((rows.into_iter().map(|r| r.card.into()).collect(), total))
}
