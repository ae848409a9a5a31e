from impactgraph.cli import main

main()
