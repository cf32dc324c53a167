//! Product search: weighted full-text search joined with trigram similarity.

use super::product_cards::{page_of_cards, CardRow, PRODUCT_COLUMNS};
use crate::domain::{MatchCount, ProductCard};
use sqlx::PgExecutor;

/// How many products each way of matching may bring to the ranking: the
/// cost of a search stays the same in a catalogue of 100 or 100,000 products.
const CANDIDATES: i64 = 200;

/// Full-text search weighted name > brand and category > description, joined
/// with trigram similarity on name and brand so that misspellings still find.
///
/// Candidates come from the indexes first, a bounded number from each: full
/// text matches, the names and the brands within trigram similarity of the
/// query (GIN; nearest first; walking a GiST index nearest first cost 75 ms
/// at 100,000 products, bench/PROFILE.md). Only those are ranked, so a word
/// that matches thousands of products ranks a few hundred of them (those
/// whose names are nearest the query), and the count says "at least".
pub async fn search(
    db: impl PgExecutor<'_>,
    text: &str,
    limit: i64,
    offset: i64,
) -> sqlx::Result<(Vec<ProductCard>, MatchCount)> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        card: CardRow,
        total: i64,
        more: bool,
    }
    // `lower($1)` rather than `q.raw` where an index filters: the planner
    // only uses the trigram indexes (GIN) with a constant.
    let chosen = format!(
        "WITH q AS (SELECT websearch_to_tsquery('english', $1) AS ts,
                           websearch_to_tsquery('simple', $1) AS ts_simple, lower($1) AS raw),
         full_text AS (
            SELECT p.id FROM products p, q
            WHERE p.active AND (p.search @@ q.ts OR p.search @@ q.ts_simple)
            ORDER BY lower($1) <<-> lower(p.name), p.id LIMIT $4
         ), names AS (
            SELECT p.id FROM products p
            WHERE p.active AND (lower($1) <% lower(p.name) OR lower($1) % lower(p.name))
            ORDER BY lower($1) <<-> lower(p.name), p.id LIMIT $4
         ), brands AS (
            SELECT p.id FROM products p
            WHERE p.active AND lower($1) % lower(p.brand)
            ORDER BY lower($1) <-> lower(p.brand), p.id LIMIT $4
         ), candidates AS (
            SELECT id FROM full_text UNION SELECT id FROM names UNION SELECT id FROM brands
         ), cut AS (
            -- A source that filled its quota may have left matches out.
            SELECT (SELECT count(*) FROM full_text) = $4
                   OR (SELECT count(*) FROM names) = $4
                   OR (SELECT count(*) FROM brands) = $4 AS more
         )
         SELECT {PRODUCT_COLUMNS}, count(*) OVER () AS total, cut.more,
                row_number() OVER (ORDER BY
                    (ts_rank(p.search, q.ts) + ts_rank(p.search, q.ts_simple)
                     + word_similarity(q.raw, lower(p.name)) + similarity(q.raw, lower(p.brand))) DESC,
                    p.stock = 0, p.id) AS position
         FROM candidates c JOIN products p ON p.id = c.id, q, cut
         WHERE p.search @@ q.ts OR p.search @@ q.ts_simple
               -- A word of the name near a word of the query, or (every word
               -- misspelt) the whole name near the whole query.
               OR q.raw <% lower(p.name) OR q.raw % lower(p.name) OR q.raw % lower(p.brand)
         ORDER BY position LIMIT $2 OFFSET $3"
    );
    let sql = page_of_cards(&chosen, ", p.total, p.more");
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(text)
        .bind(limit)
        .bind(offset)
        .bind(CANDIDATES)
        .fetch_all(db)
        .await?;
    let count = rows
        .first()
        .map(|r| MatchCount {
            shown: r.total,
            more: r.more,
        })
        .unwrap_or_default();
    Ok((rows.into_iter().map(|r| r.card.into()).collect(), count))
}
