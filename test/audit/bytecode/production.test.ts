/**
 * The bytecode detectors on the shapes of widely audited contracts (an OpenZeppelin 4.x-style
 * ERC20 with Ownable, a vault behind a reentrancy guard paying out with call, a proxy delegating to
 * a stored implementation, a 0.4 SafeMath token with a time lock): the bar is no
 * high-severity finding on production code, and the bytecode must add none of its own above low.
 */
import { describe, expect, it } from "vitest";
import { analyseSource } from "../../../src/audit/analyse.js";
import type { Finding } from "../../../src/audit/finding.js";

function analysed(source: string): Finding[] {
  const { report, findings } = analyseSource(source, { bytecode: true });
  expect(report.status, report.message).toBe("analysed");
  return findings;
}

const describeFinding = (f: Finding) => `${f.detector.id}@${f.location.line}: ${f.message}`;

const TOKEN_08 = `pragma solidity ^0.8.20;
abstract contract Context { function _msgSender() internal view virtual returns (address) { return msg.sender; } }
abstract contract Ownable is Context {
  address private _owner;
  event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
  constructor() { _transferOwnership(_msgSender()); }
  modifier onlyOwner() { _checkOwner(); _; }
  function owner() public view virtual returns (address) { return _owner; }
  function _checkOwner() internal view virtual { require(owner() == _msgSender(), "Ownable: caller is not the owner"); }
  function renounceOwnership() public virtual onlyOwner { _transferOwnership(address(0)); }
  function transferOwnership(address newOwner) public virtual onlyOwner { require(newOwner != address(0), "zero"); _transferOwnership(newOwner); }
  function _transferOwnership(address newOwner) internal virtual { address oldOwner = _owner; _owner = newOwner; emit OwnershipTransferred(oldOwner, newOwner); }
}
contract Token is Ownable {
  mapping(address => uint256) private _balances;
  mapping(address => mapping(address => uint256)) private _allowances;
  uint256 private _totalSupply;
  uint256 public immutable launch = block.timestamp;
  event Transfer(address indexed from, address indexed to, uint256 value);
  event Approval(address indexed owner, address indexed spender, uint256 value);
  function totalSupply() public view returns (uint256) { return _totalSupply; }
  function balanceOf(address account) public view returns (uint256) { return _balances[account]; }
  function transfer(address to, uint256 amount) public returns (bool) { _transfer(_msgSender(), to, amount); return true; }
  function allowance(address owner_, address spender) public view returns (uint256) { return _allowances[owner_][spender]; }
  function approve(address spender, uint256 amount) public returns (bool) { _approve(_msgSender(), spender, amount); return true; }
  function transferFrom(address from, address to, uint256 amount) public returns (bool) {
    uint256 current = _allowances[from][_msgSender()];
    if (current != type(uint256).max) { require(current >= amount, "allowance"); unchecked { _approve(from, _msgSender(), current - amount); } }
    _transfer(from, to, amount);
    return true;
  }
  function mint(address to, uint256 amount) external onlyOwner { require(block.timestamp >= launch, "early"); _totalSupply += amount; _balances[to] += amount; emit Transfer(address(0), to, amount); }
  function _transfer(address from, address to, uint256 amount) internal {
    require(from != address(0) && to != address(0), "zero");
    uint256 fromBalance = _balances[from];
    require(fromBalance >= amount, "balance");
    unchecked { _balances[from] = fromBalance - amount; _balances[to] += amount; }
    emit Transfer(from, to, amount);
  }
  function _approve(address owner_, address spender, uint256 amount) internal { _allowances[owner_][spender] = amount; emit Approval(owner_, spender, amount); }
}`;

const VAULT_08 = `pragma solidity ^0.8.20;
abstract contract ReentrancyGuard {
  uint256 private constant NOT_ENTERED = 1;
  uint256 private constant ENTERED = 2;
  uint256 private _status = NOT_ENTERED;
  modifier nonReentrant() { require(_status != ENTERED, "reentrant"); _status = ENTERED; _; _status = NOT_ENTERED; }
}
contract Vault is ReentrancyGuard {
  mapping(address => uint256) public shares;
  address public immutable admin = msg.sender;
  function deposit() external payable { shares[msg.sender] += msg.value; }
  function withdraw(uint256 amount) external nonReentrant {
    shares[msg.sender] -= amount;
    (bool ok, ) = payable(msg.sender).call{value: amount}("");
    require(ok, "send");
  }
  function sweep(address payable to) external { require(msg.sender == admin, "admin"); (bool ok, ) = to.call{value: address(this).balance}(""); require(ok); }
}`;

const PROXY_08 = `pragma solidity ^0.8.20;
contract Proxy {
  bytes32 private constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;
  bytes32 private constant ADMIN_SLOT = 0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103;
  constructor(address implementation) { assembly { sstore(IMPLEMENTATION_SLOT, implementation) sstore(ADMIN_SLOT, caller()) } }
  function upgradeTo(address implementation) external {
    address admin;
    assembly { admin := sload(ADMIN_SLOT) }
    require(msg.sender == admin, "admin");
    assembly { sstore(IMPLEMENTATION_SLOT, implementation) }
  }
  fallback() external payable {
    assembly {
      let implementation := sload(IMPLEMENTATION_SLOT)
      calldatacopy(0, 0, calldatasize())
      let result := delegatecall(gas(), implementation, 0, calldatasize(), 0, 0)
      returndatacopy(0, 0, returndatasize())
      switch result case 0 { revert(0, returndatasize()) } default { return(0, returndatasize()) }
    }
  }
}`;

const TIMELOCK_04 = `pragma solidity ^0.4.24;
library SafeMath {
  function sub(uint256 a, uint256 b) internal pure returns (uint256) { require(b <= a); return a - b; }
  function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; require(c >= a); return c; }
}
contract TokenTimelock {
  using SafeMath for uint256;
  mapping(address => uint256) balances;
  address public beneficiary;
  uint256 public releaseTime;
  constructor(address _beneficiary, uint256 _delay) public { beneficiary = _beneficiary; releaseTime = now.add(_delay); }
  function deposit() public payable { balances[msg.sender] = balances[msg.sender].add(msg.value); }
  function release() public {
    require(now >= releaseTime);
    uint256 amount = address(this).balance;
    require(amount > 0);
    beneficiary.transfer(amount);
  }
  function withdraw(uint256 amount) public { require(amount <= balances[msg.sender]); balances[msg.sender] = balances[msg.sender].sub(amount); msg.sender.transfer(amount); }
}`;

describe("production-style contracts with the bytecode detectors", () => {
  for (const [name, source] of Object.entries({ TOKEN_08, VAULT_08, PROXY_08, TIMELOCK_04 })) {
    it(`${name}: no high-severity finding, no bytecode-only finding above low`, () => {
      const found = analysed(source);
      expect(found.filter((f) => f.detector.severity === "high").map(describeFinding)).toEqual([]);
      const bytecodeOnly = found.filter((f) => f.detector.id.startsWith("bytecode-") && f.detector.severity !== "low" && f.detector.severity !== "informational");
      expect(bytecodeOnly.map(describeFinding)).toEqual([]);
    });
  }
});
