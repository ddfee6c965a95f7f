-- Triangular cooperation: actions that mobilised experts from outside the EU
-- (neither an EU member at the action's date nor the partner's own country).
SELECT action_id,
       partner_country,
       [c FOR c IN expert_countries
          IF NOT list_contains(eu_expert_countries, c) AND c IS DISTINCT FROM partner_country] AS non_eu_experts,
       eu_expert_countries AS eu_experts,
       title
FROM v_actions
WHERE len([c FOR c IN expert_countries
             IF NOT list_contains(eu_expert_countries, c) AND c IS DISTINCT FROM partner_country]) > 0
ORDER BY partner_country NULLS LAST, title;
