"""Where a front end starts: folders, settings, logging, bundled resources, the AppContext."""
