"""Real HTTP servers on 127.0.0.1 for the sync tests: nginx (Range, ETag) and a fault injector."""
