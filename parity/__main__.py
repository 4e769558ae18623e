"""`python -m parity`: see parity.cli."""

from parity.cli import main

if __name__ == "__main__":
    main(prog_name="python -m parity")
