-- Actions per partner country and year.
-- year: the action's period_start, else its first date (NULL when the record dates nothing);
-- partner_country NULL (listed last): the record does not say which country the partner is in.
SELECT partner_country,
       year,
       n_actions,
       CAST(sum(n_actions) OVER (PARTITION BY partner_country) AS BIGINT) AS country_total
FROM v_actions_per_country_year
ORDER BY partner_country IS NULL, country_total DESC, partner_country, year NULLS LAST;
