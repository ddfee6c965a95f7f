-- Values that need a reader's review: evidence the pipeline marked 'inferred' or 'ambiguous'
-- (one row per record occurrence, the fields listed with value, status and rule),
-- the review notes of a record (splitter problems, invalid dates, why a value is null),
-- and the records (or documents, idx -1) it rejected, with the reason.
SELECT 'evidence' AS kind, s.doc, s.idx, e.action_id, any_value(a.title) AS title,
       string_agg(DISTINCT e.field || '=' || coalesce(e.value, 'null') || ' (' || e.status || ', ' || e.rule || ')',
                  '; ') AS review
FROM evidence e
JOIN actions a ON a.action_id = e.action_id AND a.status = 'active'
JOIN sources s ON s.action_id = e.action_id AND s.doc = e.doc
WHERE e.status IN ('inferred', 'ambiguous')
GROUP BY s.doc, s.idx, e.action_id
UNION ALL
SELECT 'note', n.doc, n.idx, n.action_id, any_value(a.title), string_agg(n.note, '; ')
FROM notes n
JOIN actions a ON a.action_id = n.action_id AND a.status = 'active'
GROUP BY n.doc, n.idx, n.action_id
UNION ALL
SELECT 'reject', doc, idx, action_id, left(text, 80), reason
FROM rejects
ORDER BY kind, doc, idx;
