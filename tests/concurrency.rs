//! Stock that never oversells: many shoppers checking out the last units at once.

mod common;

use common::*;

#[tokio::test]
async fn a_hundred_simultaneous_checkouts_for_ten_units_make_exactly_ten_orders() {
    let app = spawn_shop().await;
    let (tea, _) = product(&app, "BEV-001").await;
    for round in 0..3 {
        sqlx::query("UPDATE products SET stock = 10 WHERE sku = 'BEV-001'")
            .execute(&app.pool)
            .await
            .unwrap();
        let mut shoppers = Vec::new();
        for _ in 0..100 {
            let client = browser();
            let added = call(
                &client,
                &app,
                "add_to_cart",
                &[("product_id", &tea), ("quantity", "1")],
            )
            .await;
            assert_eq!(added.status(), 200);
            shoppers.push(client);
        }
        let attempts = shoppers.iter().map(|client| {
            let app = &app;
            async move {
                place_order(client, app, &checkout_form(&[("payment", "cod")]))
                    .await
                    .status()
                    .as_u16()
            }
        });
        let statuses = futures::future::join_all(attempts).await;
        let placed = statuses.iter().filter(|s| **s == 200).count();
        assert_eq!(placed, 10, "round {round}: {statuses:?}");
        assert!(
            statuses.iter().all(|s| *s == 200 || *s == 422),
            "round {round}: {statuses:?}"
        );
        assert_eq!(stock_of(&app, "BEV-001").await, 0, "round {round}");
    }
}
