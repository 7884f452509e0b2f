"""The app's routes, one module per kind of thing served."""
