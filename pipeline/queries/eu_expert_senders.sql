-- Which EU member states send the most experts, and where?
-- One action counts once per expert country; membership is judged at the action's date.
-- destinations: partner country (NULL shown as '?') and number of actions, most first.
SELECT expert_country,
       CAST(sum(n_actions) AS BIGINT) AS n_actions,
       count(partner_country) AS n_partner_countries,
       string_agg(coalesce(partner_country, '?') || ' ' || n_actions, ', '
                  ORDER BY n_actions DESC, partner_country) AS destinations
FROM v_expert_flows
WHERE expert_is_eu
GROUP BY expert_country
ORDER BY n_actions DESC, expert_country;
