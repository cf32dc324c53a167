-- 100,000 more products for the large-catalogue benchmark, on top of the demo
-- shop (its ten categories must exist). Names, brands and packs are drawn from
-- word lists per category, so search, filters and listings see a realistic
-- spread; prices, MRPs and stock vary, and about one in twenty is out of stock.
-- Runs in seconds: one INSERT … SELECT over generate_series.
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE kinds (n int, category text, gst smallint, hsn text,
                         variants text[], nouns text[], brands text[], units text[]) ON COMMIT DROP;
INSERT INTO kinds VALUES
 (0, 'staples', 5, '1006',
  '{Premium,Classic,Organic,Everyday,Unpolished,Aged,Golden,Farm Fresh,Select,Royal}',
  '{Basmati Rice,Sona Masoori Rice,Whole Wheat Atta,Toor Dal,Moong Dal,Chana Dal,Masoor Dal,Besan,Poha,Sooji,Jaggery,Sugar,Groundnut Oil,Mustard Oil,Sunflower Oil}',
  '{India Gate,Daawat,Aashirvaad,Tata Sampann,Fortune,Pillsbury,24 Mantra,Rajdhani,Patanjali,Kohinoor}',
  '{500 g,1 kg,2 kg,5 kg,10 kg,1 L,5 L}'),
 (1, 'spices', 5, '0910',
  '{Kashmiri,Whole,Ground,Roasted,Homestyle,Classic,Fiery,Organic,Premium,Royal}',
  '{Chilli Powder,Turmeric Powder,Coriander Powder,Garam Masala,Cumin Seeds,Biryani Masala,Chana Masala,Sambar Powder,Chai Masala,Black Pepper,Cardamom,Cloves,Kasuri Methi,Pav Bhaji Masala}',
  '{MDH,Everest,Catch,Eastern,Aachi,Badshah,Sakthi,Ramdev,Priya,Suhana}',
  '{50 g,100 g,200 g,500 g}'),
 (2, 'snacks', 18, '1905',
  '{Classic,Masala,Salted,Spicy,Chocolate,Butter,Cream,Crunchy,Lite,Family Pack}',
  '{Biscuits,Cookies,Bhujia,Namkeen Mix,Potato Chips,Khakhra,Chakli,Cashew Cookies,Wafers,Rusk,Soan Papdi,Peanut Chikki}',
  '{Parle,Britannia,Haldiram''s,Bikaji,Lay''s,Sunfeast,Balaji,Bingo,Anmol,Unibic}',
  '{75 g,150 g,200 g,400 g,1 kg}'),
 (3, 'beverages', 12, '0902',
  '{Premium,Strong,Green,Masala,Instant,Filter,Cold Pressed,Sugar Free,Classic,Gold}',
  '{Tea,Coffee,Mango Drink,Orange Juice,Lemon Drink,Rose Sharbat,Coconut Water,Health Drink,Cocoa,Buttermilk}',
  '{Tata Tea,Brooke Bond,Red Label,Bru,Nescafe,Real,Tropicana,Maaza,Rasna,Paper Boat}',
  '{200 ml,250 g,500 g,1 L,1 kg}'),
 (4, 'dairy', 5, '0401',
  '{Fresh,Toned,Full Cream,Low Fat,Malai,Classic,Organic,Farm,Pure,Double Toned}',
  '{Milk,Curd,Paneer,Butter,Ghee,Cheese Slices,Cream,Lassi,Shrikhand,Eggs}',
  '{Amul,Mother Dairy,Nandini,Aavin,Heritage,Milky Mist,Gowardhan,Nestle,Britannia,Verka}',
  '{200 g,400 g,500 ml,1 L,6 pcs,12 pcs}'),
 (5, 'personal-care', 18, '3401',
  '{Herbal,Aloe Vera,Neem,Sandal,Lemon,Charcoal,Anti Dandruff,Moisturising,Fresh,Classic}',
  '{Soap,Shampoo,Toothpaste,Face Wash,Hair Oil,Body Lotion,Talc,Shaving Cream,Deodorant,Hand Wash}',
  '{Lux,Dove,Colgate,Himalaya,Dabur,Parachute,Pears,Medimix,Nivea,Vicco}',
  '{75 g,100 ml,150 g,200 ml,400 ml}'),
 (6, 'household', 18, '3402',
  '{Lemon,Matic,Power,Ultra,Fresh,Pine,Lavender,Active,Gentle,Double Action}',
  '{Detergent Powder,Liquid Detergent,Dishwash Bar,Dishwash Gel,Floor Cleaner,Toilet Cleaner,Glass Cleaner,Scrub Pad,Garbage Bags,Mosquito Repellent}',
  '{Surf Excel,Ariel,Tide,Vim,Pril,Lizol,Harpic,Colin,Scotch-Brite,Good Knight}',
  '{250 g,500 ml,1 kg,1 L,2 kg}'),
 (7, 'baby-care', 12, '9619',
  '{Gentle,Soft,Ultra Dry,Newborn,Extra Large,Sensitive,Organic,Classic,Night,Travel}',
  '{Diapers,Baby Wipes,Baby Lotion,Baby Powder,Baby Soap,Baby Oil,Cereal,Rash Cream,Baby Shampoo,Feeding Bottle}',
  '{Pampers,Huggies,MamyPoko,Johnson''s,Himalaya,Cerelac,Sebamed,Mee Mee,Chicco,Mamaearth}',
  '{S 42 pcs,M 38 pcs,L 34 pcs,72 pcs,100 ml,200 g,300 g}'),
 (8, 'stationery', 12, '4820',
  '{Ruled,Unruled,Long,Blue,Black,Gel,Fine Tip,Jumbo,Spiral,Student}',
  '{Notebook,Ball Pen,Gel Pen,Pencil Box,Eraser Pack,Geometry Box,Sketch Pens,Highlighter,Sticky Notes,Drawing Book}',
  '{Classmate,Reynolds,Cello,Camlin,Natraj,Apsara,Faber-Castell,Doms,Luxor,Navneet}',
  '{1 pc,5 pcs,10 pcs,172 pages,200 pages}'),
 (9, 'health', 12, '3004',
  '{Relief,Extra Strength,Herbal,Sugar Free,Cool,Regular,Kids,Daily,Immunity,Classic}',
  '{Pain Balm,Cough Syrup,Antiseptic Liquid,Bandages,ORS Sachets,Digestive Tablets,Vitamin C Tablets,Chyawanprash,Thermometer,Hand Sanitiser}',
  '{Zandu,Vicks,Dettol,Band-Aid,Electral,Hajmola,Limcee,Dabur,Dr Morepen,Savlon}',
  '{10 pcs,25 g,50 ml,100 ml,500 g}');

INSERT INTO products (sku, slug, name, brand, category_id, unit, description,
                      price_paise, mrp_paise, gst_rate, hsn, stock)
SELECT 'GEN-' || lpad(g::text, 6, '0'),
       trim(BOTH '-' FROM lower(regexp_replace(p.brand || ' ' || p.name || ' ' || p.unit || ' ' || g,
                                               '[^a-zA-Z0-9]+', '-', 'g'))),
       p.name, p.brand, c.id, p.unit,
       p.brand || ' ' || p.name || ', ' || p.unit || '. ' || c.description,
       p.price, p.price + p.price * (g % 25) / 100, k.gst, k.hsn,
       CASE WHEN g % 20 = 0 THEN 0 ELSE 5 + g % 200 END
FROM generate_series(1, 100000) AS g
JOIN kinds k ON k.n = g % 10
JOIN categories c ON c.slug = k.category
CROSS JOIN LATERAL (
    SELECT k.variants[1 + (g / 10) % cardinality(k.variants)] || ' '
               || k.nouns[1 + (g / 100) % cardinality(k.nouns)] AS name,
           k.brands[1 + (g / 7) % cardinality(k.brands)] AS brand,
           k.units[1 + (g / 3) % cardinality(k.units)] AS unit,
           (2000 + (hashint4(g) & 65535) * 3) AS price
) p;

INSERT INTO product_images (product_id, path, alt, position)
SELECT id, '/media/demo/' || lower(sku) || '-1.svg', brand || ' ' || name || ', ' || unit || ' pack, front', 0
FROM products WHERE sku LIKE 'GEN-%';

COMMIT;
-- The category counts' trigger updated each category's row once per generated
-- product: reclaim those row versions, as autovacuum would in a while.
VACUUM (ANALYZE);
