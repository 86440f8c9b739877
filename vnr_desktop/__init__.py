"""VNR Desktop: offline guide, contacts and tiltakskort for action plans against violence in
close relationships (vold i nære relasjoner)."""

__version__ = "0.1.0"
APP_NAME = "VNR Desktop"
APP_ID = "vnr-desktop"
