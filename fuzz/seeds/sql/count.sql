SELECT "group", COUNT(*) AS n FROM tickets GROUP BY "group" ORDER BY n DESC
