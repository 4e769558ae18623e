"""`python -m handbook`: the editors' commands for the site (the parity checker has its own: `python -m parity`)."""

from handbook.cli import main

main(prog_name="python -m handbook")
