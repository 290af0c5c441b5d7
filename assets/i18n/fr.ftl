# Glose : la fenêtre en français.
