-- Share of remote delivery before and after 2020 (the COVID-19 pandemic).
-- year: as in v_actions_per_country_year (period_start, else the first date).
-- Shares are over the actions whose text states a delivery (delivery NULL = no cue).
WITH dated AS (
    SELECT delivery, CAST(left(coalesce(period_start, dates[1].start), 4) AS INTEGER) AS year
    FROM v_actions
)
SELECT CASE WHEN year IS NULL THEN 'year unknown'
            WHEN year < 2020 THEN 'before 2020'
            ELSE '2020 and after' END AS period,
       count(*) AS n_actions,
       count(delivery) AS n_delivery_stated,
       count(*) FILTER (WHERE delivery = 'remote') AS n_remote,
       count(*) FILTER (WHERE delivery = 'mixed') AS n_mixed,
       count(*) FILTER (WHERE delivery = 'onsite') AS n_onsite,
       round(count(*) FILTER (WHERE delivery = 'remote') / nullif(count(delivery), 0), 2) AS remote_share,
       round(count(*) FILTER (WHERE delivery IN ('remote', 'mixed')) / nullif(count(delivery), 0), 2)
           AS remote_or_mixed_share
FROM dated
GROUP BY period
ORDER BY min(year) NULLS LAST;
