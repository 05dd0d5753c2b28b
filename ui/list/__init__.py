"""The measure list: the table model over the board, its filter proxy and bar, the RAG badge."""
