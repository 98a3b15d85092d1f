"""The Audit pane: the audit trail, filtered, verified and exported."""
