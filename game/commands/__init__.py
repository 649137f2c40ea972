"""One module per `bashtag` command; see game/cli.py."""
