import TicklerControl

Ticklerctl.start()
