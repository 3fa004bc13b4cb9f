"""Công khai xã plugins: one package per concern, each a pure core plus thin Pelican glue."""
