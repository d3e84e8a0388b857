"""ShootyBot: a stand-in for a Discord game bot, used to demonstrate deployments."""

__version__ = "0.3.0"
