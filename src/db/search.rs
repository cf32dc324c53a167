//! Product search: full-text search over the words typed and the catalogue's
//! nearest spellings of them, ranked with trigram similarity.

use super::product_cards::{page_of_cards, CardRow, PRODUCT_COLUMNS};
use crate::domain::{MatchCount, ProductCard};
use sqlx::PgExecutor;

/// How many products may come to the ranking: the cost of a search stays
/// the same in a catalogue of 100 or 100,000 products.
const CANDIDATES: i64 = 200;

/// How alike (trigram similarity) a word of the catalogue must be to a typed
/// word to stand in for it: "rce" and "rice" are 0.29, "basmti" and
/// "basmati" 0.5, two unrelated words rarely above 0.1.
const NEAR_WORD: f32 = 0.25;

/// Full-text search weighted name > brand and category > description, that
/// also finds what a shopper misspelt or has not finished typing.
///
/// Each typed word stands for itself (from three letters on, as the start of
/// a word) and for the words of the catalogue nearest it by trigram distance
/// (`search_words`, a list of each word once, so finding them does not grow
/// with the number of products, as comparing the query with every name did:
/// bench/PROFILE.md). The products whose names are
/// nearest the query among those matching every word are ranked, at most
/// `CANDIDATES` of them, and the count then says "at least".
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
    // A word with a quote or a backslash cannot come from the text parser;
    // leaving them out keeps the quoted lexemes below well-formed.
    let chosen = format!(
        r#"WITH q AS (SELECT websearch_to_tsquery('english', $1) AS ts, lower($1) AS raw),
         typed AS (
            -- The words typed, spelt as the catalogue's words are kept.
            SELECT DISTINCT lexeme AS word FROM unnest(to_tsvector('simple', $1))
            WHERE lexeme !~ '[''\\]'
         ), nearest AS (
            -- The catalogue's words nearest each typed word (itself, when it is one).
            SELECT t.word AS typed, n.word FROM typed t CROSS JOIN LATERAL (
                SELECT w.word FROM search_words w ORDER BY w.word <-> t.word LIMIT 3
            ) n
            WHERE similarity(n.word, t.word) >= {NEAR_WORD}
         ), spellings AS (
            -- A typed word as typed (from three letters on, as the start of a
            -- word) or as its nearest words. A word near nothing the shop sells
            -- has no nearest words and is left out, rather than making the
            -- whole search find nothing.
            SELECT to_tsquery('simple', '''' || n.typed || ''''
                                        || CASE WHEN length(n.typed) >= 3 THEN ':*' ELSE '' END)
                   || any_of(to_tsquery('simple', '''' || n.word || '''')) AS spelling
            FROM nearest n GROUP BY n.typed
         ), meant AS (
            SELECT all_of(spelling) AS ts FROM spellings
         ), candidates AS (
            SELECT p.id FROM products p, q, meant
            WHERE p.active AND (p.search @@ q.ts OR p.search @@ meant.ts)
            ORDER BY lower($1) <<-> lower(p.name), p.id LIMIT $4
         )
         SELECT {PRODUCT_COLUMNS}, count(*) OVER () AS total,
                (SELECT count(*) FROM candidates) = $4 AS more,
                row_number() OVER (ORDER BY
                    (ts_rank(p.search, q.ts) + coalesce(ts_rank(p.search, meant.ts), 0)
                     + word_similarity(q.raw, lower(p.name)) + similarity(q.raw, lower(p.brand))) DESC,
                    p.stock = 0, p.id) AS position
         FROM candidates c JOIN products p ON p.id = c.id, q, meant
         ORDER BY position LIMIT $2 OFFSET $3"#
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
