"""The Qt layer: windows, widgets and Qt models over the ``challenge_app`` core.

Views hold layout and wiring; rules (RAG, periods, ordering, placement) come
from the core. Nothing in ``challenge_app`` may import from here.
"""
