"""The one SQLite database: connection, single writer, versioned migrations."""
