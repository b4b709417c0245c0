/** Tests start the simulator through the same module as the demo and the benchmark. */
export {startSim, SIM_SCRIPT, type Sim, type SimOptions} from "../../data-loaders/lib/simulator.js";
