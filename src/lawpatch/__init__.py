"""lawpatch: amendments to the laws of the Kyrgyz Republic as checked patches on Akoma Ntoso XML."""

__version__ = "0.1.0"
