COPY import_routed (n, handling_level, department_code, assignee_kind, assignee, due_at) FROM STDIN
