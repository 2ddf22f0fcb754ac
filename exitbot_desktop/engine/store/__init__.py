"""The encrypted store: SQLCipher database, wrapped data key, repositories. Never imports Qt."""
